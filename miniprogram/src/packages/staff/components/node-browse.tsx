import { ORG_KIND_LABELS, OrgKind, type OrgUnitReference, type OrgUnitSummary } from '@ankang/shared';
import { Text, View } from '@tarojs/components';

/**
 * Unions and enterprises hold people (workers belong to enterprises); workplaces and archived
 * nodes are no one's place to choose.
 */
export function holdsPeople(unit: OrgUnitSummary): boolean {
  return unit.kind !== OrgKind.Workplace && !unit.archived;
}

interface NodeRowProps {
  unit: OrgUnitReference;
  /** The row is `#<idPrefix>-<id>`, its 下级 `#<idPrefix>-<id>-open`. */
  idPrefix: string;
  chosen: boolean;
  onChoose: () => void;
  onOpen?: () => void;
  /** One of a radio group: the id, role and checked state go on the part that chooses. */
  radio?: boolean;
}

/** A node to choose (✓ when chosen), with 下级 › to go down to its children where it has some. */
export function NodeRow({ unit, idPrefix, chosen, onChoose, onOpen, radio = false }: NodeRowProps) {
  const rowId = `${idPrefix}-${unit.id}`;
  return (
    <View className={`list-row node-row${chosen ? ' node-row--chosen' : ''}`} id={radio ? undefined : rowId}>
      <View
        className="list-row__main"
        {...(radio ? { id: rowId, role: 'radio', 'aria-checked': chosen } : {})}
        hoverClass="list-row--pressed"
        onClick={onChoose}
      >
        <Text className="list-row__title">
          {chosen ? '✓ ' : ''}
          {unit.name}
        </Text>
        <Text className="list-row__meta">{ORG_KIND_LABELS[unit.kind] ?? unit.kind}</Text>
      </View>
      {onOpen ? (
        <Text className="node-row__open" id={`${rowId}-open`} onClick={onOpen}>
          下级 ›
        </Text>
      ) : null}
    </View>
  );
}

interface NodePathProps {
  /** Each crumb is `#<idPrefix>-<id>`. */
  idPrefix: string;
  path: readonly OrgUnitReference[];
  /** Goes back up to the crumb at `index`. */
  onBack: (index: number) => void;
}

/** The nodes browsed down through, top first; tapping one goes back up to it. */
export function NodePath({ idPrefix, path, onBack }: NodePathProps) {
  return (
    <>
      {path.map((node, index) => (
        <Text key={node.id} className="node-picker__crumb" id={`${idPrefix}-${node.id}`} onClick={() => onBack(index)}>
          {index > 0 ? ' › ' : ''}
          {node.name}
        </Text>
      ))}
    </>
  );
}
