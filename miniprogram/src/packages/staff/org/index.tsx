import {
  INDUSTRY_LABELS,
  OrgKind,
  type OrgUnitDetail,
  type OrgUnitSummary,
  Permission,
  type RoleGrantSummary,
} from '@ankang/shared';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isWeapp, saveInBrowser, toastError, toastSuccess } from '../../../api';
import { SectionCard, StatusBlock } from '../../../components';
import { ListFooter } from '../../../components/list-footer';
import { useMe } from '../../../features/auth';
import { listGrids } from '../../../features/grids';
import { fetchOrgUnit, listOrgUnits } from '../../../features/org';
import { downloadEnterprisePosters } from '../../../features/qrcode';
import { usePagedList } from '../../../hooks/use-paged-list';
import { bindingModeText, childCountText, maskedPhone, orgUnitTags } from '../../../utils/org-labels';
import { canAt } from '../../../utils/permissions';
import { rollCallUrl } from '../../../utils/training-pages';
import './index.scss';
import { useShownAgain } from '../../../hooks/use-shown-again';

type DetailLoad = { state: 'loading' } | { state: 'ready'; node: OrgUnitDetail } | { state: 'failed'; message: string };

function OrgUnitRow({ unit, onOpen }: { unit: OrgUnitSummary; onOpen: (id: string) => void }) {
  const count = childCountText(unit);
  return (
    <View
      className="list-row org-row"
      id={`org-unit-${unit.id}`}
      hoverClass="list-row--pressed"
      onClick={() => onOpen(unit.id)}
    >
      <View className="list-row__main">
        <Text className="list-row__title">{unit.name}</Text>
        <View className="tags">
          {orgUnitTags(unit).map((tag) => (
            <Text className={`tag tag--${tag.tone}`} key={tag.text}>
              {tag.text}
            </Text>
          ))}
        </View>
        {count || unit.address ? (
          <Text className="list-row__meta">{[count, unit.address].filter(Boolean).join(' · ')}</Text>
        ) : null}
      </View>
      <Text className="list-row__go">›</Text>
    </View>
  );
}

interface Action {
  id: string;
  text: string;
  primary?: boolean;
  onClick: () => void;
}

function go(url: string): void {
  Taro.navigateTo({ url }).catch(() => undefined);
}

/** What the person may do at this node, per their roles held at it or above it. */
function actionsFor(roles: readonly RoleGrantSummary[], node: OrgUnitDetail, downloadPosters: () => void): Action[] {
  const at = (permission: Permission) => canAt(roles, permission, node);
  const actions: Action[] = [];
  if (node.kind === OrgKind.Workplace && at(Permission.QrCodeDownload)) {
    actions.push({
      id: 'action-qrcode',
      text: '查看/保存二维码',
      primary: true,
      onClick: () => go(`/packages/staff/qrcode/index?id=${encodeURIComponent(node.id)}`),
    });
  }
  if (node.kind === OrgKind.Workplace && at(Permission.RollCallRead)) {
    actions.push({ id: 'action-roll-call', text: '班组点名', onClick: () => go(rollCallUrl(node.id)) });
  }
  if (node.kind === OrgKind.Enterprise && at(Permission.QrCodeDownload)) {
    actions.push({ id: 'action-posters', text: '批量下载二维码海报', primary: true, onClick: downloadPosters });
  }
  if (
    !node.archived &&
    node.kind === OrgKind.Enterprise &&
    (at(Permission.WorkplaceManage) || at(Permission.OrgStructure))
  ) {
    actions.push({
      id: 'action-add-workplace',
      text: '新增作业场所',
      onClick: () =>
        go(`/packages/staff/org-form/index?parentId=${encodeURIComponent(node.id)}&kind=${OrgKind.Workplace}`),
    });
  }
  if (!node.archived && node.kind === OrgKind.Union && at(Permission.OrgStructure)) {
    actions.push({
      id: 'action-add-child',
      text: '新增下级单位',
      onClick: () => go(`/packages/staff/org-form/index?parentId=${encodeURIComponent(node.id)}`),
    });
  }
  if (!node.archived && at(Permission.OrgUpdate)) {
    actions.push({
      id: 'action-edit',
      text: '编辑',
      onClick: () => go(`/packages/staff/org-form/index?id=${encodeURIComponent(node.id)}`),
    });
  }
  if (node.kind !== OrgKind.Workplace && at(Permission.GrantManage)) {
    actions.push({
      id: 'action-grants',
      text: '角色授权',
      onClick: () => go(`/packages/staff/grants/index?orgUnitId=${encodeURIComponent(node.id)}`),
    });
  }
  if (node.kind !== OrgKind.Workplace && at(Permission.UserRead)) {
    actions.push({
      id: 'action-people',
      text: '本单位人员',
      onClick: () => go(`/packages/staff/people/index?orgUnitId=${encodeURIComponent(node.id)}`),
    });
  }
  return actions;
}

function NodeFacts({ node }: { node: OrgUnitDetail }) {
  const facts: [string, string][] = [];
  if (node.code) facts.push(['场所编码', node.code]);
  if (node.industry) facts.push(['所属行业', INDUSTRY_LABELS[node.industry] ?? node.industry]);
  const bindingMode = bindingModeText(node);
  if (bindingMode) facts.push(['职工绑定', bindingMode]);
  if (node.kind !== OrgKind.Union) facts.push(['地址', node.address || '未登记']);
  if (node.kind === OrgKind.Workplace) facts.push(['所属网格', node.gridId ? '已划入网格' : '未划入网格']);
  const count = childCountText(node);
  if (count) facts.push(['下级', count]);
  return (
    <View className="node__facts">
      {facts.map(([label, value]) => (
        <View className="node__fact" key={label}>
          <Text className="node__fact-label">{label}</Text>
          <Text className="node__fact-value">{value}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 组织架构: the person's scope roots, then any node with its children, breadcrumbs from its
 * ancestors, a search inside it, and what may be done there. Moving through the tree stays on this
 * page (WeChat keeps at most ten pages in the stack); the breadcrumbs lead back up.
 */
export default function OrgPage() {
  const router = useRouter();
  const { signedIn, load } = useMe();
  const [nodeId, setNodeId] = useState<string | null>(router.params?.id || null);
  const [detail, setDetail] = useState<DetailLoad>({ state: 'loading' });
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [posters, setPosters] = useState<{ busy: boolean; file: { path: string; name: string } | null }>({
    busy: false,
    file: null,
  });
  const autoOpened = useRef(false);

  const node = detail.state === 'ready' && detail.node.id === nodeId ? detail.node : null;

  const roots = usePagedList<OrgUnitSummary>(signedIn && nodeId === null ? 'roots' : null, (cursor) =>
    listOrgUnits({ cursor }),
  );
  const children = usePagedList<OrgUnitSummary>(
    nodeId !== null && query === null ? `children:${nodeId}` : null,
    (cursor) => listOrgUnits({ parentId: nodeId ?? undefined, cursor }),
  );
  const results = usePagedList<OrgUnitSummary>(
    nodeId !== null && query !== null ? `search:${nodeId}:${query}` : null,
    (cursor) => listOrgUnits({ withinId: nodeId ?? undefined, q: query ?? undefined, cursor }),
  );
  const grids = usePagedList(node?.kind === OrgKind.Union ? `grids:${node.id}` : null, (cursor) =>
    listGrids({ unionId: node?.id, cursor }),
  );
  const list = nodeId === null ? roots : query === null ? children : results;

  const loadDetail = useCallback(async (id: string) => {
    setDetail({ state: 'loading' });
    try {
      setDetail({ state: 'ready', node: await fetchOrgUnit(id) });
    } catch (error) {
      setDetail({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    if (signedIn && nodeId !== null) {
      void loadDetail(nodeId);
    }
  }, [signedIn, nodeId, loadDetail]);

  const open = useCallback((id: string | null) => {
    setNodeId(id);
    setQuery(null);
    setSearchText('');
    setPosters({ busy: false, file: null });
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }, []);

  // One scope root (an officer's enterprise, a cadre's union): open it at once, the first time.
  useEffect(() => {
    if (
      nodeId === null &&
      roots.state === 'ready' &&
      roots.items.length === 1 &&
      !roots.hasMore &&
      !autoOpened.current
    ) {
      autoOpened.current = true;
      open(roots.items[0].id);
    }
  }, [nodeId, roots.state, roots.items, roots.hasMore, open]);

  useReachBottom(() => {
    void list.loadMore();
  });

  // Back from editing or adding a node: show what changed.
  useShownAgain(() => {
    if (nodeId !== null) {
      void loadDetail(nodeId);
    }
    void list.reload();
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return (
      <View className="page">
        <StatusBlock text={load.state === 'failed' ? load.message : '正在加载…'} />
      </View>
    );
  }
  const roles = load.me.roles;

  const downloadPosters = async () => {
    if (!node || posters.busy) {
      return;
    }
    setPosters({ busy: true, file: null });
    const name = `${node.name}-场所二维码海报.html`;
    try {
      const file = await downloadEnterprisePosters(node.id);
      if (isWeapp()) {
        setPosters({ busy: false, file: { path: file.url, name } });
        return;
      }
      saveInBrowser(file.url, name);
      // The browser reads the object URL when the download starts; free it a little later.
      setTimeout(() => file.release(), 60_000);
      toastSuccess('已开始下载');
      setPosters({ busy: false, file: null });
    } catch (error) {
      toastError(error);
      setPosters({ busy: false, file: null });
    }
  };

  const sharePosters = () => {
    if (!posters.file) {
      return;
    }
    // WeChat allows sharing a file only straight from a tap: hence the second button.
    Taro.shareFileMessage({ filePath: posters.file.path, fileName: posters.file.name }).catch(() => undefined);
  };

  const submitSearch = () => {
    const text = searchText.trim();
    setQuery(text === '' ? null : text);
  };

  const breadcrumbs = node ? (
    <View className="breadcrumbs" id="org-breadcrumbs">
      <Text className="breadcrumb" id="breadcrumb-roots" onClick={() => open(null)}>
        全部
      </Text>
      {node.ancestors.map((ancestor) => (
        <View className="breadcrumb-item" key={ancestor.id}>
          <Text className="breadcrumb__separator">›</Text>
          <Text className="breadcrumb" id={`breadcrumb-${ancestor.id}`} onClick={() => open(ancestor.id)}>
            {ancestor.name}
          </Text>
        </View>
      ))}
      <Text className="breadcrumb__separator">›</Text>
      <Text className="breadcrumb breadcrumb--current">{node.name}</Text>
    </View>
  ) : null;

  const listTitle =
    nodeId === null
      ? '我的管辖范围'
      : query !== null
        ? `“${query}”的搜索结果`
        : node?.kind === OrgKind.Enterprise
          ? '作业场所'
          : '下级单位';

  return (
    <View className="page org">
      {nodeId !== null && detail.state === 'failed' ? (
        <View className="card">
          <StatusBlock text={detail.message} actionText="重新加载" onAction={() => void loadDetail(nodeId)} />
          <Text className="breadcrumb" onClick={() => open(null)}>
            返回全部
          </Text>
        </View>
      ) : null}
      {nodeId !== null && !node && detail.state !== 'failed' ? <StatusBlock text="正在加载…" /> : null}

      {node ? (
        <>
          {breadcrumbs}
          <View className="card node" id="org-node">
            <Text className="node__name" id="org-node-name">
              {node.name}
            </Text>
            <View className="tags">
              {orgUnitTags(node).map((tag) => (
                <Text className={`tag tag--${tag.tone}`} key={tag.text}>
                  {tag.text}
                </Text>
              ))}
            </View>
            <NodeFacts node={node} />
            <View className="actions">
              {actionsFor(roles, node, () => void downloadPosters()).map((action) => (
                <View
                  key={action.id}
                  id={action.id}
                  className={`action${action.primary ? ' action--primary' : ''}`}
                  hoverClass="action--pressed"
                  onClick={action.onClick}
                >
                  <Text>{action.id === 'action-posters' && posters.busy ? '正在生成…' : action.text}</Text>
                </View>
              ))}
            </View>
          </View>

          {posters.file ? (
            <View className="card posters-ready" id="posters-ready">
              <Text className="card__title">海报已生成</Text>
              <Text className="muted">
                发送到电脑微信的聊天（如“文件传输助手”），在电脑上用浏览器打开后打印，每个作业场所一页。
              </Text>
              <View className="actions">
                <View className="action action--primary" id="posters-share" onClick={sharePosters}>
                  <Text>发送到微信聊天</Text>
                </View>
              </View>
            </View>
          ) : null}
        </>
      ) : null}

      {nodeId === null || (node && node.kind !== OrgKind.Workplace) ? (
        <SectionCard title={listTitle} id="org-list">
          {node ? (
            <View className="search">
              <Input
                className="search__input"
                id="org-search"
                value={searchText}
                placeholder="搜索名称或场所编码"
                confirmType="search"
                onInput={(event) => setSearchText(event.detail.value)}
                onConfirm={submitSearch}
              />
              <Text className="search__button" id="org-search-submit" onClick={submitSearch}>
                搜索
              </Text>
              {query !== null ? (
                <Text className="search__clear" id="org-search-clear" onClick={() => open(node.id)}>
                  清除
                </Text>
              ) : null}
            </View>
          ) : null}
          {list.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
          {list.state === 'failed' ? (
            <StatusBlock text={list.message} actionText="重试" onAction={() => void list.reload()} />
          ) : null}
          {list.items.map((unit) => (
            <OrgUnitRow key={unit.id} unit={unit} onOpen={open} />
          ))}
          <ListFooter
            list={list}
            id="org-list-footer"
            emptyText={
              nodeId === null
                ? '您还没有可管理的单位。'
                : query !== null
                  ? '没有找到匹配的单位或作业场所。'
                  : '暂无下级单位。'
            }
          />
        </SectionCard>
      ) : null}

      {node?.kind === OrgKind.Union ? (
        <SectionCard title="网格" id="org-grids">
          {grids.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
          {grids.state === 'failed' ? (
            <StatusBlock text={grids.message} actionText="重试" onAction={() => void grids.reload()} />
          ) : null}
          {grids.items.map((grid) => (
            <View className="list-row" key={grid.id} id={`grid-${grid.id}`}>
              <View className="list-row__main">
                <Text className="list-row__title">{grid.name}</Text>
                <Text className="list-row__meta">
                  网格员：
                  {grid.officer
                    ? [grid.officer.displayName, maskedPhone(grid.officer.phone)].filter(Boolean).join(' ')
                    : '未指定'}
                </Text>
                <Text className="list-row__meta">
                  {grid.unionName} · 作业场所 {grid.workplaceCount} 个{grid.archived ? ' · 已归档' : ''}
                </Text>
              </View>
            </View>
          ))}
          <ListFooter list={grids} emptyText="暂未划分网格。" />
        </SectionCard>
      ) : null}
    </View>
  );
}
