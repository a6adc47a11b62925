export { acknowledgeNotice } from './acknowledge-notice';
export { awaitsAcknowledgement } from './acknowledgement';
export { countAudience } from './count-audience';
export { createNotice } from './create-notice';
export { fetchMyNotice } from './fetch-my-notice';
export { fetchMyNoticeCounts } from './fetch-my-notice-counts';
export { fetchNotice } from './fetch-notice';
export { fetchReceipts } from './fetch-receipts';
export { listMyNotices } from './list-my-notices';
export { listNotices } from './list-notices';
export {
  audienceOf,
  bodyHtmlOf,
  bodyTextOf,
  composeRequestOf,
  createRequestOf,
  emptyNoticeForm,
  NOTICE_AUDIENCE_ROLES,
  type NoticeForm,
  type NoticeFormErrors,
  type NoticeFormField,
  noticeFormOf,
  publishAtOf,
  serverNoticeErrors,
  validateNotice,
} from './notice-form';
export {
  MY_NOTICES_URL,
  myNoticeUrl,
  noticeEditorUrl,
  noticeReceiptsUrl,
  STAFF_NOTICES_URL,
} from './notice-pages';
export { publishNotice } from './publish-notice';
export { percentText } from './receipt-rates';
export { remindNotice } from './remind-notice';
export { updateNotice } from './update-notice';
export { useMyNoticeCounts } from './use-my-notice-counts';
export { withdrawNotice } from './withdraw-notice';
