import type { HazardState } from '@ankang/shared';
import { Text } from '@tarojs/components';
import { stateLabel } from '../../utils/hazard-labels';
import './hazards.scss';

/** The ticket's state in its colour: waiting (blue), in work (orange), done (green), ended (grey). */
export function StateBadge({ state, id }: { state: HazardState; id?: string }) {
  return (
    <Text className={`state-badge state-badge--${state}`} id={id}>
      {stateLabel(state)}
    </Text>
  );
}
