import { OrgKind, type OrgUnitSummary } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { StatusBlock } from '../../../components';
import { listOrgUnits } from '../../../features/org';
import { SearchBox } from '../components/search-box';

interface WorkplacePickerProps {
  /** The nodes where the person may read roll calls: their workplaces are offered. */
  roots: readonly string[];
  onChoose: (workplace: { id: string; name: string }) => void;
}

/** The workplaces under the person's roll-call scope, searchable by name or code. */
export function WorkplacePicker({ roots, onChoose }: WorkplacePickerProps) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<OrgUnitSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const rootKey = roots.join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: rootKey stands for the roots; attempt retries.
  useEffect(() => {
    let current = true;
    setOptions(null);
    setFailed(false);
    Promise.all(
      roots.map((withinId) => listOrgUnits({ withinId, kind: OrgKind.Workplace, q: query || undefined, limit: 50 })),
    ).then(
      (pages) => {
        if (current) {
          const seen = new Set<string>();
          setOptions(
            pages
              .flatMap((page) => page.items)
              .filter((unit) => !unit.archived && !seen.has(unit.id) && seen.add(unit.id)),
          );
        }
      },
      () => {
        if (current) {
          setFailed(true);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [query, rootKey, attempt]);

  return (
    <View className="workplace-picker" id="roll-call-workplaces">
      <SearchBox
        id="roll-call-workplace-search"
        placeholder="场所名称或编码"
        onSearch={setQuery}
        active={query !== ''}
      />
      {failed ? (
        <StatusBlock
          text="作业场所没有加载出来。"
          actionText="重试"
          onAction={() => setAttempt((count) => count + 1)}
        />
      ) : null}
      {options === null && !failed ? <Text className="muted">正在加载…</Text> : null}
      {options?.map((workplace) => (
        <View
          key={workplace.id}
          className="list-row"
          id={`roll-call-workplace-${workplace.id}`}
          hoverClass="list-row--pressed"
          onClick={() => onChoose({ id: workplace.id, name: workplace.name })}
        >
          <View className="list-row__main">
            <Text className="list-row__title">{workplace.name}</Text>
            {workplace.code ? <Text className="list-row__meta">编码 {workplace.code}</Text> : null}
          </View>
          <Text className="list-row__go">›</Text>
        </View>
      ))}
      {options && options.length === 0 ? (
        <Text className="muted">{query ? '没有找到匹配的场所。' : '您的范围内还没有作业场所。'}</Text>
      ) : null}
    </View>
  );
}
