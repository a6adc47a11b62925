import {
  ORG_KIND_LABELS,
  type OrgUnitDetail,
  ROLE_LABELS,
  type Role,
  type RoleGrantDetail,
  type RoleGrantSummary,
  type UserSummary,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toastError, toastSuccess } from '../../../api';
import { StatusBlock } from '../../../components';
import { ListFooter } from '../../../components/list-footer';
import { useMe } from '../../../features/auth';
import { createRoleGrant, listRoleGrants, revokeRoleGrant } from '../../../features/grants';
import { fetchOrgUnit } from '../../../features/org';
import { listUsers } from '../../../features/users';
import { usePagedList } from '../../../hooks/use-paged-list';
import { canRevokeAt, grantableRolesAt } from '../../../utils/permissions';
import { SearchBox } from '../components/search-box';
import { UserRow } from '../components/user-row';
import './index.scss';

type NodeLoad = { state: 'loading' } | { state: 'ready'; node: OrgUnitDetail } | { state: 'failed'; message: string };

function chineseDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** Grants lie in the node's subtree: the node and its ancestors are above each of them. */
function grantNode(grant: RoleGrantDetail, node: OrgUnitDetail) {
  const ancestors = grant.orgUnit.id === node.id ? node.ancestors : [...node.ancestors, node];
  return { id: grant.orgUnit.id, kind: grant.orgUnit.kind, ancestors };
}

interface GrantFormProps {
  node: OrgUnitDetail;
  roles: Role[];
  onGranted: () => void;
}

/** 授予角色: a person found by search, a role the granter may give at this kind of node. */
function GrantForm({ node, roles, onGranted }: GrantFormProps) {
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<UserSummary | null>(null);
  const [role, setRole] = useState<Role | null>(roles.length === 1 ? roles[0] : null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const candidates = usePagedList<UserSummary>(query && !person ? `candidates:${query}` : null, (cursor) =>
    listUsers({ q: query, cursor, limit: 10 }),
  );

  const grant = async () => {
    if (!person || !role || busy) {
      setFailure(!person ? '请先选择人员' : !role ? '请选择角色' : null);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await createRoleGrant({ userId: person.id, role, orgUnitId: node.id });
      toastSuccess('已授予');
      setPerson(null);
      setQuery('');
      onGranted();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card grant-form" id="grant-form">
      <Text className="card__title">授予角色</Text>
      <View className="form-field">
        <Text className="form-field__label">人员</Text>
        {person ? (
          <View className="grant-form__chosen" id="grant-chosen">
            <Text>已选择：{person.displayName}</Text>
            <Text className="grant-form__change" id="grant-change-person" onClick={() => setPerson(null)}>
              更换
            </Text>
          </View>
        ) : (
          <>
            <SearchBox
              id="grant-person-search"
              placeholder="输入姓名、工号或手机尾号查找"
              onSearch={setQuery}
              active={query !== ''}
            />
            {candidates.state === 'loading' && query ? <Text className="muted">正在查找…</Text> : null}
            {candidates.state === 'failed' ? <Text className="grant-form__failure">{candidates.message}</Text> : null}
            {candidates.items.map((user) => (
              <UserRow key={user.id} user={user} onChoose={setPerson} />
            ))}
            {query ? <ListFooter list={candidates} emptyText="没有找到匹配的人员。" /> : null}
          </>
        )}
      </View>
      <View className="form-field">
        <Text className="form-field__label">角色</Text>
        <View className="options" id="grant-role">
          {roles.map((option) => (
            <View
              key={option}
              id={`grant-role-${option}`}
              className={`option${role === option ? ' option--on' : ''}`}
              role="radio"
              aria-checked={role === option}
              onClick={() => setRole(option)}
            >
              <Text>{ROLE_LABELS[option]}</Text>
            </View>
          ))}
        </View>
      </View>
      {failure ? (
        <Text className="grant-form__failure" id="grant-failure">
          {failure}
        </Text>
      ) : null}
      <Button id="grant-submit" type="primary" size="large" block loading={busy} onClick={() => void grant()}>
        授予
      </Button>
    </View>
  );
}

/** 角色授权 of one node: who holds which role in its subtree, granting and revoking within one's own. */
export default function GrantsPage() {
  const router = useRouter();
  const orgUnitId = router.params?.orgUnitId || null;
  const { signedIn, load } = useMe();
  const [nodeLoad, setNodeLoad] = useState<NodeLoad>({ state: 'loading' });

  const loadNode = useCallback(async () => {
    if (!orgUnitId) {
      setNodeLoad({ state: 'failed', message: '请从「组织架构」或「人员与角色」选择单位。' });
      return;
    }
    setNodeLoad({ state: 'loading' });
    try {
      setNodeLoad({ state: 'ready', node: await fetchOrgUnit(orgUnitId) });
    } catch (error) {
      setNodeLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [orgUnitId]);

  useEffect(() => {
    if (signedIn) {
      void loadNode();
    }
  }, [signedIn, loadNode]);

  const grants = usePagedList<RoleGrantDetail>(signedIn && orgUnitId ? `grants:${orgUnitId}` : null, (cursor) =>
    listRoleGrants({ orgUnitId: orgUnitId ?? undefined, cursor }),
  );

  useReachBottom(() => {
    void grants.loadMore();
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  if (nodeLoad.state === 'failed' || load.state === 'failed') {
    const message = nodeLoad.state === 'failed' ? nodeLoad.message : load.state === 'failed' ? load.message : '';
    return (
      <View className="page">
        <StatusBlock text={message} actionText="重新加载" onAction={() => void loadNode()} />
      </View>
    );
  }
  if (nodeLoad.state !== 'ready' || load.state !== 'ready') {
    return (
      <View className="page">
        <StatusBlock text="正在加载…" />
      </View>
    );
  }
  const { node } = nodeLoad;
  const myRoles: readonly RoleGrantSummary[] = load.me.roles;
  const grantable = grantableRolesAt(myRoles, node);

  const revoke = async (grant: RoleGrantDetail) => {
    const answer = await Taro.showModal({
      title: '撤销角色',
      content: `撤销 ${grant.user.displayName} 在「${grant.orgUnit.name}」的${ROLE_LABELS[grant.role]}角色？`,
      confirmText: '撤销',
      cancelText: '取消',
    });
    if (!answer.confirm) {
      return;
    }
    try {
      await revokeRoleGrant(grant.id);
      grants.update((items) => items.filter((item) => item.id !== grant.id));
      toastSuccess('已撤销');
    } catch (error) {
      toastError(error);
    }
  };

  return (
    <View className="page grants">
      <View className="card">
        <Text className="grants__node" id="grants-node">
          {node.name}
        </Text>
        <Text className="muted">
          {ORG_KIND_LABELS[node.kind]}
          {node.ancestors.length > 0 ? ` · ${node.ancestors.map((ancestor) => ancestor.name).join(' › ')}` : ''}
        </Text>
      </View>

      {grantable.length > 0 ? (
        <GrantForm node={node} roles={grantable} onGranted={() => void grants.reload()} />
      ) : (
        <View className="card">
          <Text className="muted" id="grant-not-allowed">
            您不能在此单位授予角色。
          </Text>
        </View>
      )}

      <View className="card" id="grants-list">
        <Text className="card__title">已有角色</Text>
        {grants.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
        {grants.state === 'failed' ? (
          <StatusBlock text={grants.message} actionText="重试" onAction={() => void grants.reload()} />
        ) : null}
        {grants.items.map((grant) => (
          <View className="list-row" key={grant.id} id={`grant-${grant.id}`}>
            <View className="list-row__main">
              <Text className="list-row__title">
                {grant.user.displayName} · {ROLE_LABELS[grant.role] ?? grant.role}
              </Text>
              <Text className="list-row__meta">
                {grant.orgUnit.name}（{ORG_KIND_LABELS[grant.orgUnit.kind]}）
              </Text>
              <Text className="list-row__meta">
                {grant.grantedBy ? `${grant.grantedBy.displayName} 于` : ''}
                {chineseDate(grant.createdAt)}授予
              </Text>
            </View>
            {canRevokeAt(myRoles, grant.role, grantNode(grant, node)) ? (
              <Text className="grant-row__revoke" id={`revoke-${grant.id}`} onClick={() => void revoke(grant)}>
                撤销
              </Text>
            ) : null}
          </View>
        ))}
        <ListFooter list={grants} emptyText="此单位及下级暂无角色。" />
      </View>
    </View>
  );
}
