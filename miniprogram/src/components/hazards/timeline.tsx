import type { HazardEvent, ReporterVisibility } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { chinaDateTime } from '../../utils/china-time-format';
import { eventActor, eventLabel, stateLabel } from '../../utils/hazard-labels';
import './hazards.scss';

/** The ticket's audit trail, oldest first: what was done, by whom, when, the state it led to, the note. */
export function Timeline({
  events,
  visibility,
  showActors = true,
}: {
  events: readonly (Pick<HazardEvent, 'action' | 'actor' | 'createdAt' | 'fromState' | 'toState' | 'note'> & {
    id?: string;
  })[];
  visibility: ReporterVisibility;
  /** False for the anonymous reporter's view, which names nobody. */
  showActors?: boolean;
}) {
  return (
    <View className="timeline" id="hazard-timeline">
      {events.map((event) => (
        <View
          className="timeline__item"
          key={event.id ?? `${event.action}-${event.createdAt}`}
          data-action={event.action}
        >
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{eventLabel(event.action)}</Text>
              {event.toState && event.toState !== event.fromState ? (
                <Text className="timeline__state">→ {stateLabel(event.toState)}</Text>
              ) : null}
            </View>
            <Text className="timeline__meta">
              {showActors ? `${eventActor(event, visibility)} · ` : ''}
              {chinaDateTime(event.createdAt)}
            </Text>
            {event.note ? <Text className="timeline__note">{event.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
