import type {
  HazardCategory,
  HazardGrade,
  HazardPhotoKind,
  HazardState,
  InboxMessageKind,
  Industry,
  ReporterVisibility,
} from '../enums';
import type { HazardAction } from '../hazard-transitions';
import type { PageQuery } from './common';

export const HAZARD_DESCRIPTION_MAX_LENGTH = 500;
export const HAZARD_LOCATION_NOTE_MAX_LENGTH = 100;
export const HAZARD_PHOTOS_MIN = 1;
export const HAZARD_PHOTOS_MAX = 9;
export const HAZARD_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Free-text notes on actions (reasons, measures, …). */
export const HAZARD_NOTE_MAX_LENGTH = 500;

/** A stored photo: uploaded first (one request per photo, as WeChat's uploadFile allows), then attached. */
export interface HazardPhoto {
  id: string;
  kind: HazardPhotoKind;
  contentType: string;
  width: number;
  height: number;
  /**
   * Needs the bearer token. Before a ticket holds the photo: `/api/v1/hazard-photos/:id`, for the
   * uploader only; once attached: `/api/v1/hazards/:ticketId/photos/:id`, for whoever may see the ticket.
   */
  url: string;
  /** The same with `?variant=thumbnail`: a JPEG, long side 320 px. */
  thumbnailUrl: string;
  createdAt: string;
}

/** Multipart `POST /hazard-photos`: one `file` part and a `clientKey` field (the same key returns the same photo). */
export interface UploadHazardPhotoFields {
  clientKey: string;
  kind: HazardPhotoKind;
}

/** `POST /hazards`: 随手拍. */
export interface ReportHazardRequest {
  /** UUID made on the phone for this report: a retry returns the first answer, never a second ticket. */
  clientKey: string;
  workplaceId: string;
  category: HazardCategory;
  description: string;
  locationNote?: string;
  reporterVisibility: ReporterVisibility;
  /** Photos uploaded by the caller with kind `report`, 1 to 9. */
  photoIds: string[];
}

export interface ReportHazardResponse {
  ticket: HazardTicketDetail;
  /**
   * Anonymous reports only: the one way to follow the ticket (`GET /hazards/follow/:token`). Only
   * its hash is stored; the same client key gives the same token back.
   */
  followToken: string | null;
}

export interface HazardPerson {
  id: string;
  displayName: string;
}

/** The 五定 of an assignment. */
export interface HazardAssignment {
  /** 责任人 */
  responsible: HazardPerson;
  /** 措施 */
  measures: string;
  /** 资金 */
  funding: string | null;
  /** 时限: the last China calendar day, `YYYY-MM-DD`. */
  deadline: string;
  /** 预案: required for 重大. */
  contingencyPlan: string | null;
}

export interface HazardTicketSummary {
  id: string;
  /** Like `HZ-20261129-0001`: the China date of the report and its number that day. */
  code: string;
  state: HazardState;
  grade: HazardGrade | null;
  category: HazardCategory;
  industry: Industry | null;
  description: string;
  workplace: { id: string; name: string; code: string };
  enterprise: { id: string; name: string };
  deadline: string | null;
  /** Past the deadline and not yet fixed (a flag, not a state). */
  overdue: boolean;
  thumbnailUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Events the system writes on a ticket, not actions anyone takes: the deadline job's reminders
 * (`remind_<kind>`, actor null) — to the assignee a day before the deadline, to the officers at it,
 * to the union staff after it.
 */
export type HazardSystemEventAction = 'remind_deadline_soon' | 'remind_due' | 'remind_overdue';

export const HAZARD_SYSTEM_EVENT_LABELS: Record<HazardSystemEventAction, string> = {
  remind_deadline_soon: '整改期限临近提醒',
  remind_due: '整改到期提醒',
  remind_overdue: '逾期督办提醒',
};

export interface HazardEvent {
  id: string;
  action: HazardAction | 'report' | HazardSystemEventAction;
  fromState: HazardState | null;
  toState: HazardState | null;
  /** Null for the system, an anonymous reporter, or a reporter hidden from the caller. */
  actor: HazardPerson | null;
  note: string | null;
  createdAt: string;
}

export interface HazardTicketDetail extends HazardTicketSummary {
  locationNote: string | null;
  reporterVisibility: ReporterVisibility;
  /** Null when anonymous, or hidden from the caller (enterprise roles, when hidden from the enterprise). */
  reporter: HazardPerson | null;
  assignment: HazardAssignment | null;
  pendingExtension: { deadline: string; reason: string; requestedAt: string } | null;
  duplicateOf: { id: string; code: string } | null;
  rejectReason: string | null;
  authorityReport: { department: string; reportedOn: string; reference: string | null } | null;
  photos: HazardPhoto[];
  events: HazardEvent[];
  /** What the caller may do now (from the shared transition table and their relation to the ticket). */
  actions: HazardAction[];
  closedAt: string | null;
}

/** What an anonymous reporter sees with their token: the progress, nothing about anyone. */
export interface HazardFollowView {
  code: string;
  state: HazardState;
  category: HazardCategory;
  workplace: { name: string };
  enterprise: { name: string };
  deadline: string | null;
  events: {
    action: HazardAction | 'report' | HazardSystemEventAction;
    toState: HazardState | null;
    createdAt: string;
  }[];
  createdAt: string;
  closedAt: string | null;
}

/** Staff lists. `view=queue`: the officer's work, overdue first; `view=supervision`: 重大 and overdue in the subtree. */
export interface HazardListQuery extends PageQuery {
  view?: 'queue' | 'supervision' | 'all';
  state?: HazardState;
  workplaceId?: string;
  gridId?: string;
  category?: HazardCategory;
  grade?: HazardGrade;
  overdue?: boolean;
}

export interface TriageHazardRequest {
  grade: HazardGrade;
  category: HazardCategory;
  industry?: Industry;
  responsibleUserId: string;
  measures: string;
  funding?: string;
  deadline: string;
  /** Required when the grade is 重大. */
  contingencyPlan?: string;
}

export type ReassignHazardRequest = Omit<TriageHazardRequest, 'grade' | 'category' | 'industry'> & {
  note?: string;
};

export interface RejectHazardRequest {
  reason: string;
}

export interface MergeHazardRequest {
  duplicateOfTicketId: string;
  note?: string;
}

export interface FixHazardRequest {
  note: string;
  /** Photos uploaded with kind `fix`: at least one. */
  photoIds: string[];
  /** Fixed on the spot: the grade it deserves (general unless said). */
  grade?: HazardGrade;
}

export interface ExtensionRequest {
  deadline: string;
  reason: string;
}

export interface DecideExtensionRequest {
  note?: string;
}

export interface VerifyHazardRequest {
  note?: string;
}

export interface FailHazardRequest {
  reason: string;
}

export interface ReopenHazardRequest {
  reason: string;
}

export interface AuthorityReportRequest {
  department: string;
  /** `YYYY-MM-DD`, not in the future. */
  reportedOn: string;
  reference?: string;
}

/** An in-app message (the notices issue reuses the inbox). */
export interface InboxMessage {
  id: string;
  kind: InboxMessageKind;
  title: string;
  body: string;
  /** A mini program page to open, e.g. `/pages/hazard/detail?id=9`. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface InboxListQuery extends PageQuery {
  unreadOnly?: boolean;
}
