import { DEADLINE_REMINDER_DAYS_BEFORE, HazardState, OVERDUE_ESCALATION_DAYS_AFTER } from '@ankang/shared';
import { HazardReminderKind } from './hazard-reminder.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The states in which a deadline runs: assigned and being fixed. */
export const STATES_WITH_RUNNING_DEADLINE: readonly HazardState[] = [HazardState.Assigned, HazardState.Rectifying];

/** Every kind, in the order the job sends them. */
export const REMINDER_KINDS: readonly HazardReminderKind[] = [
  HazardReminderKind.DeadlineSoon,
  HazardReminderKind.Due,
  HazardReminderKind.Overdue,
];

/**
 * How far the reminder lies from the deadline (`due_at`, the end of the deadline's China day):
 * a day before it to the assignee, at it to the officers, three days after it to the union.
 * China has no daylight saving, so a day is always 24 hours.
 */
function offsetMs(kind: HazardReminderKind): number {
  switch (kind) {
    case HazardReminderKind.DeadlineSoon:
      return -DEADLINE_REMINDER_DAYS_BEFORE * DAY_MS;
    case HazardReminderKind.Due:
      return 0;
    case HazardReminderKind.Overdue:
      return OVERDUE_ESCALATION_DAYS_AFTER * DAY_MS;
  }
}

/** When the reminder of `kind` about a deadline is due. */
export function reminderTimeOf(kind: HazardReminderKind, dueAt: Date): Date {
  return new Date(dueAt.getTime() + offsetMs(kind));
}

/** The latest deadline whose reminder of `kind` is due at `now`: every ticket due by then gets one. */
export function latestDueAtFor(kind: HazardReminderKind, now: Date): Date {
  return new Date(now.getTime() - offsetMs(kind));
}
