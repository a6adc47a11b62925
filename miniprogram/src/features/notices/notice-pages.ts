/** Routes of the notice pages (contract of issue 6): worker pages in the main package, staff in the subpackage. */
export const MY_NOTICES_URL = '/pages/notice/index';
export const STAFF_NOTICES_URL = '/packages/staff/notices/index';

/** A notice as its recipient reads it (also the link of its inbox messages and WeChat messages). */
export function myNoticeUrl(noticeId: string): string {
  return `/pages/notice/detail?id=${encodeURIComponent(noticeId)}`;
}

/** The composer: a new notice without an id. */
export function noticeEditorUrl(noticeId?: string): string {
  const base = '/packages/staff/notice-edit/index';
  return noticeId ? `${base}?id=${encodeURIComponent(noticeId)}` : base;
}

/** Receipts of a notice at a node of its scope (the notice's scope without one). */
export function noticeReceiptsUrl(noticeId: string, orgUnitId?: string): string {
  const base = `/packages/staff/notice-receipts/index?id=${encodeURIComponent(noticeId)}`;
  return orgUnitId ? `${base}&orgUnitId=${encodeURIComponent(orgUnitId)}` : base;
}
