import { OrgKind, type OrgUnitReference, type OrgUnitSummary } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { StatusBlock } from '../../../components';
import { ListFooter } from '../../../components/list-footer';
import { listOrgUnits } from '../../../features/org';
import { usePagedList } from '../../../hooks/use-paged-list';
import { holdsPeople, NodePath, NodeRow } from './node-browse';
import { SearchBox } from './search-box';

interface OrgNodePickerProps {
  /** The search is `#<id>-search`; each node `#node-<id>`, its 下级 `#node-<id>-open`. */
  id: string;
  /** Nothing above this node is offered (a lesson's owner: its subtree). */
  root: OrgUnitReference;
  value: OrgUnitReference | null;
  onChange: (node: OrgUnitReference) => void;
}

/**
 * A node of the tree under `root`: browse down from it (下级 ›) or search it by name; tapping a row
 * chooses that node (its whole subtree).
 */
export function OrgNodePicker({ id, root, value, onChange }: OrgNodePickerProps) {
  const [path, setPath] = useState<OrgUnitReference[]>([root]);
  const [query, setQuery] = useState('');
  const current = path[path.length - 1];
  const children = usePagedList<OrgUnitSummary>(query ? null : `children:${current.id}`, (cursor) =>
    listOrgUnits({ parentId: current.id, cursor }),
  );
  const found = usePagedList<OrgUnitSummary>(query ? `search:${root.id}:${query}` : null, (cursor) =>
    listOrgUnits({ withinId: root.id, q: query, cursor }),
  );
  const list = query ? found : children;
  const shown = list.items.filter(holdsPeople);

  return (
    <View className="node-picker" id={id}>
      <SearchBox id={`${id}-search`} placeholder="单位名称" onSearch={setQuery} active={query !== ''} />
      {query ? null : (
        <View className="node-picker__path">
          <NodePath idPrefix={`${id}-crumb`} path={path} onBack={(index) => setPath(path.slice(0, index + 1))} />
        </View>
      )}
      {query ? null : (
        <NodeRow unit={current} idPrefix="node" chosen={value?.id === current.id} onChoose={() => onChange(current)} />
      )}
      {list.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
      {list.state === 'failed' ? (
        <StatusBlock text={list.message} actionText="重试" onAction={() => void list.reload()} />
      ) : null}
      {shown.map((unit) => {
        const reference = { id: unit.id, name: unit.name, kind: unit.kind };
        return (
          <NodeRow
            key={unit.id}
            unit={reference}
            idPrefix="node"
            chosen={value?.id === unit.id}
            onChoose={() => onChange(reference)}
            onOpen={
              !query && unit.kind === OrgKind.Union && unit.childCount > 0
                ? () => setPath([...path, reference])
                : undefined
            }
          />
        );
      })}
      <ListFooter list={{ ...list, items: shown }} emptyText={query ? '没有找到匹配的单位。' : '没有下级单位。'} />
    </View>
  );
}
