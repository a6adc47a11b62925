/**
 * The hazard ticket's lifecycle as data (DESIGN.md, "Hazard ticket"). The server enforces it; the
 * mini program uses the same table to show only the actions the caller may take.
 *
 * submitted ──triage──▶ assigned ──start──▶ rectifying ──submit fix──▶ pending_verification ──pass──▶ closed
 *     │  ╲fixed on the spot ─────────────────────────────────────────▶│
 *     ├──reject──▶ rejected       ▲ reassign ┘        ▲───────fail────────┘
 *     └──merge───▶ duplicate
 * closed ──reopen (union staff, within 30 days)──▶ rectifying
 *
 * Besides moving the state, some actions change the ticket in place: the assignee asks for more
 * time and a manager grants or refuses it; union staff record a 重大 ticket as reported to the
 * authority. Rules the table cannot express (the verifier is never the rectifier, reopen within 30
 * days, report only 重大 tickets, the contingency plan is required for 重大) are the server's.
 */
import { HazardState } from './enums';

export enum HazardAction {
  Triage = 'triage',
  Reject = 'reject',
  Merge = 'merge',
  FixOnTheSpot = 'fix_on_the_spot',
  Start = 'start',
  Reassign = 'reassign',
  RequestExtension = 'request_extension',
  ApproveExtension = 'approve_extension',
  DenyExtension = 'deny_extension',
  SubmitFix = 'submit_fix',
  Pass = 'pass',
  Fail = 'fail',
  Reopen = 'reopen',
  ReportToAuthority = 'report_to_authority',
}

export const HAZARD_ACTION_LABELS: Record<HazardAction, string> = {
  [HazardAction.Triage]: '研判交办',
  [HazardAction.Reject]: '不予受理',
  [HazardAction.Merge]: '合并重复',
  [HazardAction.FixOnTheSpot]: '立查立改',
  [HazardAction.Start]: '开始整改',
  [HazardAction.Reassign]: '重新交办',
  [HazardAction.RequestExtension]: '申请延期',
  [HazardAction.ApproveExtension]: '同意延期',
  [HazardAction.DenyExtension]: '不同意延期',
  [HazardAction.SubmitFix]: '提交整改',
  [HazardAction.Pass]: '验收通过',
  [HazardAction.Fail]: '验收不通过',
  [HazardAction.Reopen]: '重新打开',
  [HazardAction.ReportToAuthority]: '已报送主管部门',
};

/**
 * The capacity in which a person acts on one ticket. A person may hold several at once (an officer
 * who is also the assignee); the verifier rule (never the rectifier) is expressed by `assignee`
 * being absent from the actors of pass/fail and checked again by the server.
 */
export enum HazardActor {
  /** Safety officer of the ticket's enterprise. */
  Officer = 'officer',
  /** Union staff whose subtree holds the ticket. */
  UnionStaff = 'union_staff',
  /** The person responsible for the rectification. */
  Assignee = 'assignee',
}

export interface HazardTransition {
  from: readonly HazardState[];
  /** null: the action changes the ticket but not its state (extensions, the report to the authority). */
  to: HazardState | null;
  actors: readonly HazardActor[];
}

const MANAGERS = [HazardActor.Officer, HazardActor.UnionStaff] as const;
const IN_RECTIFICATION = [HazardState.Assigned, HazardState.Rectifying] as const;

export const HAZARD_TRANSITIONS: Readonly<Record<HazardAction, HazardTransition>> = {
  [HazardAction.Triage]: { from: [HazardState.Submitted], to: HazardState.Assigned, actors: MANAGERS },
  [HazardAction.Reject]: { from: [HazardState.Submitted], to: HazardState.Rejected, actors: MANAGERS },
  [HazardAction.Merge]: { from: [HazardState.Submitted], to: HazardState.Duplicate, actors: MANAGERS },
  [HazardAction.FixOnTheSpot]: {
    from: [HazardState.Submitted],
    to: HazardState.PendingVerification,
    actors: MANAGERS,
  },
  [HazardAction.Start]: { from: [HazardState.Assigned], to: HazardState.Rectifying, actors: [HazardActor.Assignee] },
  [HazardAction.Reassign]: { from: IN_RECTIFICATION, to: HazardState.Assigned, actors: MANAGERS },
  [HazardAction.RequestExtension]: { from: IN_RECTIFICATION, to: null, actors: [HazardActor.Assignee] },
  [HazardAction.ApproveExtension]: { from: IN_RECTIFICATION, to: null, actors: MANAGERS },
  [HazardAction.DenyExtension]: { from: IN_RECTIFICATION, to: null, actors: MANAGERS },
  [HazardAction.SubmitFix]: {
    from: [HazardState.Rectifying],
    to: HazardState.PendingVerification,
    actors: [HazardActor.Assignee],
  },
  [HazardAction.Pass]: { from: [HazardState.PendingVerification], to: HazardState.Closed, actors: MANAGERS },
  [HazardAction.Fail]: { from: [HazardState.PendingVerification], to: HazardState.Rectifying, actors: MANAGERS },
  [HazardAction.Reopen]: { from: [HazardState.Closed], to: HazardState.Rectifying, actors: [HazardActor.UnionStaff] },
  // 重大隐患 only (the server checks the grade): recorded as reported to the department in charge.
  [HazardAction.ReportToAuthority]: {
    from: [HazardState.Assigned, HazardState.Rectifying, HazardState.PendingVerification, HazardState.Closed],
    to: null,
    actors: [HazardActor.UnionStaff],
  },
};

/** States no action leaves except `reopen`. */
export const TERMINAL_HAZARD_STATES: readonly HazardState[] = [
  HazardState.Closed,
  HazardState.Rejected,
  HazardState.Duplicate,
];

export const REOPEN_WINDOW_DAYS = 30;

/** Reminders around a deadline: the assignee a day before, the officers at it, the union three days after. */
export const DEADLINE_REMINDER_DAYS_BEFORE = 1;
export const OVERDUE_ESCALATION_DAYS_AFTER = 3;

/** The state an action leads to from `state`, or null when the table does not allow it. */
export function nextHazardState(state: HazardState, action: HazardAction): HazardState | null {
  const transition = HAZARD_TRANSITIONS[action];
  if (!transition.from.includes(state)) return null;
  return transition.to ?? state;
}

/** The actions that persons acting as `actors` may take on a ticket in `state`, in table order. */
export function allowedHazardActions(state: HazardState, actors: readonly HazardActor[]): HazardAction[] {
  return (Object.keys(HAZARD_TRANSITIONS) as HazardAction[]).filter((action) => {
    const transition = HAZARD_TRANSITIONS[action];
    return transition.from.includes(state) && transition.actors.some((actor) => actors.includes(actor));
  });
}
