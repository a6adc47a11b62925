import type { HazardPerson, UserSummary } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { StatusBlock } from '../../../components';
import { ListFooter } from '../../../components/list-footer';
import { listUsers } from '../../../features/users';
import { usePagedList } from '../../../hooks/use-paged-list';
import { SearchBox } from './search-box';

interface PersonPickerProps {
  /** The field is `#<id>`; the search `#person-search`; each person `#person-<userId>`. */
  id: string;
  /** People of this enterprise (bound to it or holding a role there) are offered. */
  enterpriseId: string;
  value: HazardPerson | null;
  onChange: (person: HazardPerson) => void;
}

/** 责任人: a field that opens a searchable list of the enterprise's people (name, employee number, phone digits). */
export function PersonPicker({ id, enterpriseId, value, onChange }: PersonPickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const people = usePagedList<UserSummary>(open ? `people:${enterpriseId}:${query}` : null, (cursor) =>
    listUsers({ orgUnitId: enterpriseId, q: query || undefined, cursor }),
  );

  return (
    <View className="person-picker">
      <View
        className={`form-field__input person-picker__field${value ? '' : ' person-picker__field--empty'}`}
        id={id}
        onClick={() => setOpen((current) => !current)}
      >
        <Text>{value ? value.displayName : '选择责任人'}</Text>
        <Text className="person-picker__toggle">{open ? '收起' : value ? '更换' : '选择'}</Text>
      </View>
      {open ? (
        <View className="person-picker__panel" id={`${id}-options`}>
          <SearchBox id="person-search" placeholder="姓名、工号或手机尾号" onSearch={setQuery} active={query !== ''} />
          {people.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
          {people.state === 'failed' ? (
            <StatusBlock text={people.message} actionText="重试" onAction={() => void people.reload()} />
          ) : null}
          {people.items.map((user) => (
            <View
              key={user.id}
              id={`person-${user.id}`}
              className={`list-row person-picker__option${value?.id === user.id ? ' person-picker__option--chosen' : ''}`}
              hoverClass="list-row--pressed"
              onClick={() => {
                onChange({ id: user.id, displayName: user.displayName });
                setOpen(false);
              }}
            >
              <View className="list-row__main">
                <Text className="list-row__title">
                  {user.displayName}
                  {user.disabled ? '（已停用）' : ''}
                </Text>
                <Text className="list-row__meta">
                  {[user.employeeNumber ? `工号 ${user.employeeNumber}` : '', user.phone ?? '']
                    .filter(Boolean)
                    .join(' · ') ||
                    user.enterprise?.name ||
                    ''}
                </Text>
              </View>
              <Text className="list-row__go">{value?.id === user.id ? '✓' : '选择'}</Text>
            </View>
          ))}
          <ListFooter list={people} emptyText={query ? '没有找到匹配的人员。' : '本企业暂无人员。'} />
        </View>
      ) : null}
    </View>
  );
}
