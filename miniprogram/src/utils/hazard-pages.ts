import { workplaceScene } from '@ankang/shared';

/** Pages of the hazard screens (main package unless said). */
export const REPORT_TAB_URL = '/pages/report/index';
export const MY_REPORTS_URL = '/pages/hazard/mine';
export const INBOX_URL = '/pages/inbox/index';
/** Staff subpackage. */
export const HAZARD_QUEUE_URL = '/packages/staff/hazards/index';
export const HAZARD_SUPERVISION_URL = '/packages/staff/hazards/index?view=supervision';

/** 随手拍 at a workplace: the scene travels as the QR code carries it (`w=<code>`, encoded once). */
export function reportAtWorkplaceUrl(workplaceCode: string): string {
  return `/pages/hazard/report?scene=${encodeURIComponent(workplaceScene(workplaceCode))}`;
}

export function ticketPageUrl(ticketId: string): string {
  return `/pages/hazard/detail?id=${encodeURIComponent(ticketId)}`;
}

/** An anonymous report's progress page: the ticket code; the token stays in the phone's storage. */
export function followPageUrl(code: string): string {
  return `/pages/hazard/follow?code=${encodeURIComponent(code)}`;
}

/** The staff form of one action on a ticket (subpackage). */
export function actionFormUrl(ticketId: string, action: string): string {
  return `/packages/staff/hazard-action/index?id=${encodeURIComponent(ticketId)}&action=${encodeURIComponent(action)}`;
}
