import { InboxMessageKind, WechatSubscribePurpose } from '@ankang/shared';
import type { NewInboxMessage } from '../inbox/inbox.service';
import type { NewSubscribeMessage } from '../subscriptions/subscribe-messages.service';
import { noticeData } from '../subscriptions/subscribe-templates';
import { noticeLink } from './notice-fan-out.service';

/** Every WeChat message about a notice, its publication's and its reminders': cancelled on withdrawal. */
export function noticeDedupeKeyPrefixes(noticeId: number): string[] {
  return [`notice:${noticeId}:`, `notice-reminder:${noticeId}:`];
}

export const REMINDER_NOTE = '您还未确认阅知，请尽快查看';

/** What one reminder says to one person (see the data conventions of issue 6). */
export interface NoticeReminderFor {
  noticeId: number;
  userId: number;
  title: string;
  /** The scope unit's name. */
  from: string;
  publishedAt: Date;
  /** The China date of the reminder. */
  on: string;
}

export function reminderInboxMessage(reminder: NoticeReminderFor): NewInboxMessage {
  return {
    userId: reminder.userId,
    kind: InboxMessageKind.NoticeReminder,
    title: `请确认阅知：${reminder.title}`,
    body: `${reminder.from}发布的安全通知「${reminder.title}」${REMINDER_NOTE}。`,
    link: noticeLink(reminder.noticeId),
    dedupeKey: reminderDedupeKey(reminder),
  };
}

export function reminderSubscribeMessage(reminder: NoticeReminderFor): NewSubscribeMessage {
  return {
    userId: reminder.userId,
    purpose: WechatSubscribePurpose.Notice,
    dedupeKey: reminderDedupeKey(reminder),
    page: noticeLink(reminder.noticeId),
    data: noticeData({
      title: reminder.title,
      from: reminder.from,
      publishedAt: reminder.publishedAt,
      note: REMINDER_NOTE,
    }),
  };
}

function reminderDedupeKey(reminder: NoticeReminderFor): string {
  return `notice-reminder:${reminder.noticeId}:${reminder.userId}:${reminder.on}`;
}
