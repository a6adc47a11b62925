import {
  type AuthorityReportRequest,
  type DecideExtensionRequest,
  type ExtensionRequest,
  type FailHazardRequest,
  type FixHazardRequest,
  HazardAction,
  type HazardTicketDetail,
  type MergeHazardRequest,
  type ReassignHazardRequest,
  type RejectHazardRequest,
  type ReopenHazardRequest,
  type TriageHazardRequest,
  type VerifyHazardRequest,
} from '@ankang/shared';
import { apiRequest } from '../../api';

/** The body each action's endpoint takes (shared contract). */
export interface HazardActionBodies {
  [HazardAction.Triage]: TriageHazardRequest;
  [HazardAction.Reject]: RejectHazardRequest;
  [HazardAction.Merge]: MergeHazardRequest;
  [HazardAction.FixOnTheSpot]: FixHazardRequest;
  [HazardAction.Start]: Record<string, never>;
  [HazardAction.Reassign]: ReassignHazardRequest;
  [HazardAction.RequestExtension]: ExtensionRequest;
  [HazardAction.ApproveExtension]: DecideExtensionRequest;
  [HazardAction.DenyExtension]: DecideExtensionRequest;
  [HazardAction.SubmitFix]: FixHazardRequest;
  [HazardAction.Pass]: VerifyHazardRequest;
  [HazardAction.Fail]: FailHazardRequest;
  [HazardAction.Reopen]: ReopenHazardRequest;
  [HazardAction.ReportToAuthority]: AuthorityReportRequest;
}

/** Each action's endpoint under `/hazards/:id/`. */
export const HAZARD_ACTION_PATHS: Readonly<Record<HazardAction, string>> = {
  [HazardAction.Triage]: 'triage',
  [HazardAction.Reject]: 'reject',
  [HazardAction.Merge]: 'merge',
  [HazardAction.FixOnTheSpot]: 'fix-on-the-spot',
  [HazardAction.Start]: 'start',
  [HazardAction.Reassign]: 'reassign',
  [HazardAction.RequestExtension]: 'extension-request',
  [HazardAction.ApproveExtension]: 'extension-approve',
  [HazardAction.DenyExtension]: 'extension-deny',
  [HazardAction.SubmitFix]: 'submit-fix',
  [HazardAction.Pass]: 'pass',
  [HazardAction.Fail]: 'fail',
  [HazardAction.Reopen]: 'reopen',
  [HazardAction.ReportToAuthority]: 'authority-report',
};

/**
 * One step of the lifecycle, answered with the ticket as it now is. Not re-sent after a network
 * failure: the person reloads the ticket and sees whether it went through.
 */
export function performHazardAction<A extends HazardAction>(
  ticketId: string,
  action: A,
  body: HazardActionBodies[A],
): Promise<HazardTicketDetail> {
  return apiRequest<HazardTicketDetail>({
    method: 'POST',
    path: `/hazards/${encodeURIComponent(ticketId)}/${HAZARD_ACTION_PATHS[action]}`,
    body,
  });
}
