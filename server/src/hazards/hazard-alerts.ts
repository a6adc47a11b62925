import { HAZARD_STATE_LABELS, HazardState, InboxMessageKind } from '@ankang/shared';
import type { NewInboxMessage } from '../inbox/inbox.service';
import type { HazardTicket } from './hazard-ticket.entity';

/** The mini program page of one ticket. */
export function hazardDetailLink(ticketId: number): string {
  return `/pages/hazard/detail?id=${ticketId}`;
}

/** The facts every alert about a ticket draws on. Never the reporter: alerts must not reveal them. */
export interface AlertTicket {
  id: number;
  code: string;
  description: string;
  workplaceName: string;
  enterpriseName: string;
}

export function alertTicketOf(ticket: HazardTicket): AlertTicket {
  if (!ticket.workplace || !ticket.enterprise) throw new Error(`Ticket ${ticket.id} was loaded without its places`);
  return {
    id: ticket.id,
    code: ticket.code,
    description: ticket.description,
    workplaceName: ticket.workplace.name,
    enterpriseName: ticket.enterprise.name,
  };
}

const EXCERPT_LENGTH = 40;

function excerpt(text: string): string {
  const characters = [...text.replace(/\s+/g, ' ')];
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH).join('')}…` : characters.join('');
}

/**
 * One message per recipient. The key makes a message land once per recipient and per occasion (the
 * event that caused it), whatever retries or races happen; `once` keys it to the ticket alone.
 */
function toEach(
  recipients: readonly number[],
  kind: InboxMessageKind,
  ticket: AlertTicket,
  occasion: number | 'once',
  text: { title: string; body: string },
): NewInboxMessage[] {
  return [...new Set(recipients)].map((userId) => ({
    userId,
    kind,
    ...text,
    link: hazardDetailLink(ticket.id),
    hazardTicketId: ticket.id,
    dedupeKey: `hazard:${ticket.id}:${kind}:${occasion}:${userId}`,
  }));
}

/** To the person made responsible for the fix (triage, reassignment). */
export function assignedAlerts(
  recipients: readonly number[],
  ticket: AlertTicket,
  eventId: number,
  deadline: string,
): NewInboxMessage[] {
  return toEach(recipients, InboxMessageKind.HazardAssigned, ticket, eventId, {
    title: `隐患整改任务 ${ticket.code}`,
    body: `您被指定为「${ticket.workplaceName}」隐患的整改责任人，请在 ${deadline} 前完成整改：${excerpt(ticket.description)}`,
  });
}

/** To union staff above the enterprise, once per ticket, as soon as it is graded 重大. */
export function majorReportedAlerts(recipients: readonly number[], ticket: AlertTicket): NewInboxMessage[] {
  return toEach(recipients, InboxMessageKind.HazardMajorReported, ticket, 'once', {
    title: `重大隐患 ${ticket.code}`,
    body: `${ticket.enterpriseName}「${ticket.workplaceName}」研判出一条重大隐患，请督办：${excerpt(ticket.description)}`,
  });
}

/** To the enterprise's officers: a fix waits for someone other than its rectifier to verify it. */
export function fixSubmittedAlerts(
  recipients: readonly number[],
  ticket: AlertTicket,
  eventId: number,
): NewInboxMessage[] {
  return toEach(recipients, InboxMessageKind.HazardFixSubmitted, ticket, eventId, {
    title: `隐患${HAZARD_STATE_LABELS[HazardState.PendingVerification]} ${ticket.code}`,
    body: `「${ticket.workplaceName}」的隐患已整改，请安排验收（整改人不能验收自己的整改）：${excerpt(ticket.description)}`,
  });
}

/** To the enterprise's officers: the responsible person asks for more time. */
export function extensionRequestedAlerts(
  recipients: readonly number[],
  ticket: AlertTicket,
  eventId: number,
  deadline: string,
): NewInboxMessage[] {
  return toEach(recipients, InboxMessageKind.HazardExtensionRequested, ticket, eventId, {
    title: `延期申请 ${ticket.code}`,
    body: `「${ticket.workplaceName}」隐患的整改责任人申请把期限延至 ${deadline}，请审批：${excerpt(ticket.description)}`,
  });
}

/** To the reporter (named or hidden; an anonymous one follows with their token). */
export function closedAlerts(recipients: readonly number[], ticket: AlertTicket, eventId: number): NewInboxMessage[] {
  return toEach(recipients, InboxMessageKind.HazardClosed, ticket, eventId, {
    title: `您上报的隐患${HAZARD_STATE_LABELS[HazardState.Closed]} ${ticket.code}`,
    body: `感谢您的上报！「${ticket.workplaceName}」的隐患已整改并验收通过：${excerpt(ticket.description)}`,
  });
}
