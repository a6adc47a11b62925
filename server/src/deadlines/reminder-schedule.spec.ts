import { endOfChinaDay } from '@ankang/shared';
import { HazardReminderKind } from './hazard-reminder.entity';
import { latestDueAtFor, reminderTimeOf } from './reminder-schedule';

describe('reminder schedule', () => {
  const dueAt = endOfChinaDay('2026-12-10');

  it('reminds a day before the deadline, at it, and escalates three days after', () => {
    expect(reminderTimeOf(HazardReminderKind.DeadlineSoon, dueAt).toISOString()).toBe('2026-12-09T15:59:59.999Z');
    expect(reminderTimeOf(HazardReminderKind.Due, dueAt).toISOString()).toBe('2026-12-10T15:59:59.999Z');
    expect(reminderTimeOf(HazardReminderKind.Overdue, dueAt).toISOString()).toBe('2026-12-13T15:59:59.999Z');
  });

  it.each(Object.values(HazardReminderKind))('includes a deadline exactly at the moment of its %s reminder', (kind) => {
    const moment = reminderTimeOf(kind, dueAt);
    expect(latestDueAtFor(kind, moment).getTime()).toBe(dueAt.getTime());
    expect(latestDueAtFor(kind, new Date(moment.getTime() - 1)).getTime()).toBeLessThan(dueAt.getTime());
  });
});
