import { OrgKind, type OrgUnitReference, type OrgUnitSummary } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { StatusBlock } from '../../../components';
import { ListFooter } from '../../../components/list-footer';
import { listOrgUnits } from '../../../features/org';
import { usePagedList } from '../../../hooks/use-paged-list';
import { holdsPeople, NodePath, NodeRow } from '../components/node-browse';

interface ScopePickerProps {
  /** The nodes where the author holds the right to publish: their own union or enterprise. */
  roots: readonly OrgUnitReference[];
  value: OrgUnitReference | null;
  onChange: (node: OrgUnitReference) => void;
  disabled?: boolean;
}

/**
 * 发布范围 (`#notice-scope`): the author's own nodes (`#scope-<id>`), and below the one opened
 * (下级 ›, `#scope-<id>-open`) its unions and enterprises, to narrow the notice to a subtree.
 */
export function ScopePicker({ roots, value, onChange, disabled = false }: ScopePickerProps) {
  const [path, setPath] = useState<OrgUnitReference[]>([]);
  const current = path.length > 0 ? path[path.length - 1] : null;
  const children = usePagedList<OrgUnitSummary>(current ? `children:${current.id}` : null, (cursor) =>
    listOrgUnits({ parentId: current?.id ?? '', cursor }),
  );
  const rootIds = new Set(roots.map((root) => root.id));
  const shown = children.items.filter((unit) => holdsPeople(unit) && !rootIds.has(unit.id));
  const choose = (node: OrgUnitReference) => {
    if (!disabled) {
      onChange(node);
    }
  };

  return (
    <View className="node-picker notice-scope" id="notice-scope" role="radiogroup">
      {roots.map((root) => (
        <NodeRow
          key={root.id}
          unit={root}
          idPrefix="scope"
          radio
          chosen={value?.id === root.id}
          onChoose={() => choose(root)}
          onOpen={root.kind === OrgKind.Union && !disabled ? () => setPath([root]) : undefined}
        />
      ))}
      {current ? (
        <View className="notice-scope__below">
          <View className="node-picker__path">
            <Text className="node-picker__crumb notice-scope__close" id="scope-close" onClick={() => setPath([])}>
              ‹ 收起
            </Text>
            <NodePath idPrefix="scope-crumb" path={path} onBack={(index) => setPath(path.slice(0, index + 1))} />
          </View>
          {path.length > 1 ? (
            <NodeRow
              unit={current}
              idPrefix="scope"
              radio
              chosen={value?.id === current.id}
              onChoose={() => choose(current)}
            />
          ) : null}
          {children.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
          {children.state === 'failed' ? (
            <StatusBlock text={children.message} actionText="重试" onAction={() => void children.reload()} />
          ) : null}
          {shown.map((unit) => {
            const reference: OrgUnitReference = { id: unit.id, name: unit.name, kind: unit.kind };
            return (
              <NodeRow
                key={unit.id}
                unit={reference}
                idPrefix="scope"
                radio
                chosen={value?.id === unit.id}
                onChoose={() => choose(reference)}
                onOpen={
                  unit.kind === OrgKind.Union && unit.childCount > 0 ? () => setPath([...path, reference]) : undefined
                }
              />
            );
          })}
          <ListFooter list={{ ...children, items: shown }} emptyText="没有下级单位。" />
        </View>
      ) : null}
    </View>
  );
}
