export {
  type AssignmentForm,
  type AuthorityField,
  authorityReportRequest,
  chinaToday,
  type ExtensionField,
  extensionRequest,
  type FixField,
  type FormErrors,
  type ReassignField,
  reassignRequest,
  type TriageField,
  type TriageForm,
  triageRequest,
  validateAuthorityReport,
  validateExtension,
  validateFix,
  validateNote,
  validateReason,
  validateReassign,
  validateTriage,
} from './action-forms';
export { type ChosenPhoto, type ChosenPhotos, choosePhotos, releasePhoto, shrinkInBrowser } from './choose-photos';
export { downloadHazardPhoto } from './download-hazard-photo';
export { fetchHazard } from './fetch-hazard';
export { followHazard } from './follow-hazard';
export { type FollowedReport, followedReport, followedReports, rememberFollowToken } from './follow-tokens';
export { listHazards } from './list-hazards';
export { listMyHazards } from './list-my-hazards';
export { isOffline, onNetworkBack } from './network';
export {
  OUTBOX_CHANGED_EVENT,
  type QueuedPhoto,
  type QueuedReport,
  queuedReports,
  queueReport,
  removeQueuedReport,
} from './outbox';
export { type FlushResult, flushOutbox, retryQueuedReport, startOutboxSync } from './outbox-sync';
export { HAZARD_ACTION_PATHS, type HazardActionBodies, performHazardAction } from './perform-hazard-action';
export {
  characterCount,
  type DraftPhoto,
  type ReportDraft,
  type ReportErrors,
  type ReportField,
  type ReportFormValues,
  type ReportWorkplace,
  reportRequestOf,
  validateReport,
} from './report-draft';
export { reportHazard } from './report-hazard';
export { type SendOptions, sendReport } from './send-report';
export { uploadFixPhotos } from './upload-fix-photos';
export { type PhotoUpload, uploadHazardPhoto } from './upload-hazard-photo';
