import { type UserSummary, WORKER_GROUP_LABELS } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { maskedPhone } from '../../../utils/org-labels';
import { roleGrantLine } from '../../../utils/roles';

interface UserRowProps {
  user: UserSummary;
  /** Makes the row a choice (the person picker of 授予角色). */
  onChoose?: (user: UserSummary) => void;
  chosen?: boolean;
}

/** A person as staff see them: the phone masked, employee number, enterprise, groups and roles. */
export function UserRow({ user, onChoose, chosen }: UserRowProps) {
  const facts = [
    maskedPhone(user.phone),
    user.employeeNumber ? `工号 ${user.employeeNumber}` : '',
    user.enterprise?.name,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <View
      className={`list-row user-row${chosen ? ' user-row--chosen' : ''}`}
      id={`user-${user.id}`}
      hoverClass={onChoose ? 'list-row--pressed' : 'none'}
      onClick={onChoose ? () => onChoose(user) : undefined}
    >
      <View className="list-row__main">
        <Text className="list-row__title">
          {user.displayName}
          {user.disabled ? '（已停用）' : ''}
        </Text>
        {facts ? <Text className="list-row__meta">{facts}</Text> : null}
        {user.workerGroups.length > 0 || user.roles.length > 0 ? (
          <View className="tags">
            {user.roles.map((grant) => (
              <Text className="tag tag--blue" key={`${grant.role}-${grant.orgUnitId}`}>
                {roleGrantLine(grant)}
              </Text>
            ))}
            {user.workerGroups.map((group) => (
              <Text className="tag tag--orange" key={group}>
                {WORKER_GROUP_LABELS[group] ?? group}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      {onChoose ? <Text className="list-row__go">{chosen ? '✓' : '选择'}</Text> : null}
    </View>
  );
}
