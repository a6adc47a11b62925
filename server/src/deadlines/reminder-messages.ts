import { chinaDateOf, InboxMessageKind, OVERDUE_ESCALATION_DAYS_AFTER } from '@ankang/shared';
import { hazardReminderData } from '../subscriptions/subscribe-templates';
import { HazardReminderKind } from './hazard-reminder.entity';

/** What a reminder says about its ticket. Never the reporter. */
export interface RemindedTicket {
  id: number;
  code: string;
  workplaceName: string;
  enterpriseName: string;
  /** The deadline: the end of its China day. */
  dueAt: Date;
}

export interface ReminderText {
  kind: InboxMessageKind;
  title: string;
  body: string;
  /** The mini program page of the ticket. */
  link: string;
  /** The subscribe message's values (see subscriptions/subscribe-templates.ts). */
  subscribeData: Record<string, string>;
}

const INBOX_KINDS: Readonly<Record<HazardReminderKind, InboxMessageKind>> = {
  [HazardReminderKind.DeadlineSoon]: InboxMessageKind.HazardDeadlineSoon,
  [HazardReminderKind.Due]: InboxMessageKind.HazardDue,
  [HazardReminderKind.Overdue]: InboxMessageKind.HazardOverdue,
};

/** The in-app message and the WeChat message of a reminder, in Chinese, with the China date of the deadline. */
export function reminderText(kind: HazardReminderKind, ticket: RemindedTicket): ReminderText {
  const deadline = chinaDateOf(ticket.dueAt);
  const place = `${ticket.code}（${ticket.workplaceName}）`;
  const text = (title: string, body: string, note: string): ReminderText => ({
    kind: INBOX_KINDS[kind],
    title,
    body,
    link: `/pages/hazard/detail?id=${ticket.id}`,
    subscribeData: hazardReminderData({ code: ticket.code, workplace: ticket.workplaceName, deadline, note }),
  });
  switch (kind) {
    case HazardReminderKind.DeadlineSoon:
      return text(
        `隐患整改期限将至 ${ticket.code}`,
        `您负责整改的隐患 ${place} 整改期限为 ${deadline}，请抓紧整改，按期提交验收。`,
        '整改期限将至，请按期完成整改',
      );
    case HazardReminderKind.Due:
      return text(
        `隐患已到整改期限 ${ticket.code}`,
        `${ticket.enterpriseName}的隐患 ${place} 整改期限 ${deadline} 已到，仍未整改完成，请督促责任人尽快整改。`,
        '已到整改期限，请督促整改',
      );
    case HazardReminderKind.Overdue:
      return text(
        `隐患逾期未整改 ${ticket.code}`,
        `${ticket.enterpriseName}的隐患 ${place} 已超过整改期限 ${deadline} ${OVERDUE_ESCALATION_DAYS_AFTER} 天仍未整改完成，请督办。`,
        `逾期${OVERDUE_ESCALATION_DAYS_AFTER}天未整改，请督办`,
      );
  }
}

/** One reminder lands once per person: keyed by ticket, kind, deadline (an extension earns new ones) and recipient. */
export function reminderDedupeKey(ticketId: number, kind: HazardReminderKind, dueAt: Date, userId: number): string {
  return `hazard-reminder:${ticketId}:${kind}:${dueAt.getTime()}:${userId}`;
}
