import {
  ORG_KIND_LABELS,
  type OrgUnitDetail,
  Permission,
  type RoleGrantSummary,
  roleHasPermission,
  type UserSummary,
} from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { StatusBlock } from '../../../components';
import { ListFooter } from '../../../components/list-footer';
import { useMe } from '../../../features/auth';
import { fetchOrgUnit } from '../../../features/org';
import { listUsers } from '../../../features/users';
import { usePagedList } from '../../../hooks/use-paged-list';
import { SearchBox } from '../components/search-box';
import { UserRow } from '../components/user-row';
import './index.scss';

/** The nodes where the person may manage roles: where they hold a role with GrantManage. */
function grantNodes(roles: readonly RoleGrantSummary[]): RoleGrantSummary[] {
  const seen = new Set<string>();
  return roles.filter((grant) => {
    if (!roleHasPermission(grant.role, Permission.GrantManage) || seen.has(grant.orgUnitId)) {
      return false;
    }
    seen.add(grant.orgUnitId);
    return true;
  });
}

/**
 * 人员与角色: the people in the person's scope (or one node's subtree, `?orgUnitId=`), searched by
 * name, employee number or the last digits of the phone, phones masked. Roles are granted per node
 * from 组织架构 → 角色授权.
 */
export default function PeoplePage() {
  const router = useRouter();
  const orgUnitId = router.params?.orgUnitId || undefined;
  const { signedIn, load } = useMe();
  const [query, setQuery] = useState('');
  const [scope, setScope] = useState<OrgUnitDetail | null>(null);

  useEffect(() => {
    if (signedIn && orgUnitId) {
      fetchOrgUnit(orgUnitId).then(setScope, () => setScope(null));
    }
  }, [signedIn, orgUnitId]);

  const people = usePagedList<UserSummary>(signedIn ? `users:${orgUnitId ?? ''}:${query}` : null, (cursor) =>
    listUsers({ q: query || undefined, orgUnitId, cursor }),
  );

  useReachBottom(() => {
    void people.loadMore();
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'failed') {
    return (
      <View className="page">
        <StatusBlock text={load.message} />
      </View>
    );
  }

  return (
    <View className="page people">
      <View className="card people__hint" id="people-grants">
        <Text className="card__title">角色授权</Text>
        {load.state === 'ready'
          ? grantNodes(load.me.roles).map((grant) => (
              <View
                className="list-row"
                key={grant.orgUnitId}
                id={`people-grants-${grant.orgUnitId}`}
                hoverClass="list-row--pressed"
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/staff/grants/index?orgUnitId=${encodeURIComponent(grant.orgUnitId)}`,
                  })
                }
              >
                <View className="list-row__main">
                  <Text className="list-row__title">{grant.orgUnitName}</Text>
                  <Text className="list-row__meta">{ORG_KIND_LABELS[grant.orgUnitKind]} · 查看、授予和撤销角色</Text>
                </View>
                <Text className="list-row__go">›</Text>
              </View>
            ))
          : null}
        <Text className="muted">下级单位的角色：在「组织架构」中打开该单位，点「角色授权」。</Text>
        <View className="actions">
          <View
            className="action"
            id="people-open-org"
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/org/index' })}
          >
            <Text>打开组织架构</Text>
          </View>
        </View>
      </View>

      <View className="card">
        <Text className="card__title">人员</Text>
        <Text className="muted people__scope" id="people-scope">
          范围：{orgUnitId ? (scope?.name ?? '所选单位') : '我的管辖范围'}
        </Text>
        <SearchBox id="people-search" placeholder="姓名、工号或手机尾号" onSearch={setQuery} active={query !== ''} />
        {people.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
        {people.state === 'failed' ? (
          <StatusBlock text={people.message} actionText="重试" onAction={() => void people.reload()} />
        ) : null}
        {people.items.map((user) => (
          <UserRow key={user.id} user={user} />
        ))}
        <ListFooter list={people} id="people-footer" emptyText={query ? '没有找到匹配的人员。' : '暂无人员。'} />
      </View>
    </View>
  );
}
