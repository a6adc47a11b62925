import { endOfChinaDay, InboxMessageKind } from '@ankang/shared';
import { HazardReminderKind } from './hazard-reminder.entity';
import { reminderDedupeKey, reminderText } from './reminder-messages';

describe('reminder messages', () => {
  const ticket = {
    id: 42,
    code: 'HZ-20261129-0007',
    workplaceName: '甲一主井',
    enterpriseName: '甲一煤业',
    dueAt: endOfChinaDay('2026-12-10'),
  };

  it.each([
    [HazardReminderKind.DeadlineSoon, InboxMessageKind.HazardDeadlineSoon, /请抓紧整改/],
    [HazardReminderKind.Due, InboxMessageKind.HazardDue, /甲一煤业.*已到/],
    [HazardReminderKind.Overdue, InboxMessageKind.HazardOverdue, /3 天仍未整改完成，请督办/],
  ])('says %s in Chinese with the code, the workplace and the China date', (kind, inboxKind, wording) => {
    const text = reminderText(kind, ticket);
    expect(text.kind).toBe(inboxKind);
    expect(text.title).toContain('HZ-20261129-0007');
    expect(text.body).toContain('甲一主井');
    // The deadline is the China date, not the UTC one (15:59 UTC on the 10th is still the 10th in China).
    expect(text.body).toContain('2026-12-10');
    expect(text.body).toMatch(wording);
    expect(text.link).toBe('/pages/hazard/detail?id=42');
    expect(text.subscribeData).toEqual(
      expect.objectContaining({ character_string1: 'HZ-20261129-0007', date3: '2026年12月10日' }),
    );
    expect([...text.subscribeData.thing4].length).toBeLessThanOrEqual(20);
  });

  it('keys a reminder by ticket, kind, deadline and person, so an extension earns new ones', () => {
    const first = reminderDedupeKey(42, HazardReminderKind.Due, ticket.dueAt, 7);
    expect(reminderDedupeKey(42, HazardReminderKind.Due, ticket.dueAt, 7)).toBe(first);
    expect(reminderDedupeKey(42, HazardReminderKind.Due, endOfChinaDay('2026-12-20'), 7)).not.toBe(first);
    expect(reminderDedupeKey(42, HazardReminderKind.Due, ticket.dueAt, 8)).not.toBe(first);
    expect(first.length).toBeLessThanOrEqual(120);
  });
});
