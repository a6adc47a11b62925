import {
  allowedHazardActions,
  HazardAction,
  HazardActor,
  HazardErrorCode,
  HazardGrade,
  HazardState,
  Permission,
  REOPEN_WINDOW_DAYS,
  ReporterVisibility,
  Role,
  roleHasPermission,
} from '@ankang/shared';
import type { Scope } from '../access/scope';
import type { HazardTicket } from './hazard-ticket.entity';

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

/** The capacity each staff role acts in on a ticket inside its subtree. */
const ROLE_ACTORS: Partial<Record<Role, HazardActor>> = {
  [Role.Officer]: HazardActor.Officer,
  [Role.UnionStaff]: HazardActor.UnionStaff,
};

/** How the caller stands to one ticket. */
export interface HazardRelation {
  /** The capacities the caller acts in (the transition table's actors); empty for a reporter only. */
  actors: HazardActor[];
  isReporter: boolean;
  /** Whether responses to the caller may name the reporter. */
  seesReporter: boolean;
}

export type TicketRelationFields = Pick<HazardTicket, 'reporterUserId' | 'responsibleUserId' | 'reporterVisibility'>;

/**
 * The caller's relation to a ticket of the enterprise at `enterprisePath`, or null when they have
 * none (they are then told the ticket does not exist). Related are: the named or hidden reporter,
 * the responsible person, officers holding HazardHandle at or above the enterprise, and union staff
 * holding HazardHandle or HazardSupervise at or above it.
 */
export function relationTo(ticket: TicketRelationFields, enterprisePath: string, scope: Scope): HazardRelation | null {
  const actors = new Set<HazardActor>();
  for (const grant of scope.grants) {
    const actor = ROLE_ACTORS[grant.role];
    const handlesHazards =
      roleHasPermission(grant.role, Permission.HazardHandle) ||
      roleHasPermission(grant.role, Permission.HazardSupervise);
    if (actor && handlesHazards && enterprisePath.startsWith(grant.path)) actors.add(actor);
  }
  if (ticket.responsibleUserId !== null && ticket.responsibleUserId === scope.userId) actors.add(HazardActor.Assignee);
  const isReporter = ticket.reporterUserId !== null && ticket.reporterUserId === scope.userId;
  if (actors.size === 0 && !isReporter) return null;
  return {
    actors: [...actors],
    isReporter,
    seesReporter: seesReporter(ticket.reporterVisibility, isReporter, actors.has(HazardActor.UnionStaff)),
  };
}

/**
 * Anonymous: nobody (nothing is stored). Hidden from the enterprise: the reporter themself and union
 * staff over the ticket — never an officer or assignee acting for the enterprise. Named: everyone
 * related to the ticket.
 */
function seesReporter(visibility: ReporterVisibility, isReporter: boolean, isUnionStaff: boolean): boolean {
  switch (visibility) {
    case ReporterVisibility.Named:
      return true;
    case ReporterVisibility.HiddenFromEnterprise:
      return isReporter || isUnionStaff;
    case ReporterVisibility.Anonymous:
      return false;
  }
}

export type TicketRuleFields = Pick<
  HazardTicket,
  'state' | 'grade' | 'rectifiedBy' | 'closedAt' | 'extensionDueAt' | 'authorityReportedOn'
>;

/**
 * The rules the transition table cannot express that depend on the ticket alone (not on a request
 * body), as the error each one raises; null when the action passes them. Checked after the caller's
 * capacity and the state, both to refuse an action and to leave it out of `actions`.
 */
export function ticketRuleViolation(
  action: HazardAction,
  ticket: TicketRuleFields,
  callerId: number,
  now: Date,
): HazardErrorCode | null {
  switch (action) {
    case HazardAction.Pass:
    case HazardAction.Fail:
      return ticket.rectifiedBy === callerId ? HazardErrorCode.VerifierIsRectifier : null;
    case HazardAction.Reopen:
      return ticket.closedAt !== null &&
        now.getTime() - ticket.closedAt.getTime() > REOPEN_WINDOW_DAYS * DAY_MILLISECONDS
        ? HazardErrorCode.ReopenWindowPassed
        : null;
    case HazardAction.ReportToAuthority:
      if (ticket.grade !== HazardGrade.Major) return HazardErrorCode.NotMajor;
      // Recorded once: a second report is a stale screen, like any other action already taken.
      return ticket.authorityReportedOn !== null ? HazardErrorCode.TransitionNotAllowed : null;
    case HazardAction.RequestExtension:
      return ticket.extensionDueAt !== null ? HazardErrorCode.ExtensionPending : null;
    case HazardAction.ApproveExtension:
    case HazardAction.DenyExtension:
      return ticket.extensionDueAt === null ? HazardErrorCode.NoExtensionPending : null;
    default:
      return null;
  }
}

/** What the caller may do now: the shared table for their capacities, less what the rules forbid. */
export function availableActions(
  ticket: TicketRuleFields,
  relation: HazardRelation,
  callerId: number,
  now: Date,
): HazardAction[] {
  return allowedHazardActions(ticket.state, relation.actors).filter(
    (action) => ticketRuleViolation(action, ticket, callerId, now) === null,
  );
}

/** Tickets still being worked on: the officer's queue. */
export const OPEN_HAZARD_STATES: readonly HazardState[] = [
  HazardState.Submitted,
  HazardState.Assigned,
  HazardState.Rectifying,
  HazardState.PendingVerification,
];

/** States in which a deadline runs: assigned and not yet fixed. Past it, the ticket is overdue. */
export const DEADLINE_STATES: readonly HazardState[] = [HazardState.Assigned, HazardState.Rectifying];

export function isOverdue(ticket: Pick<HazardTicket, 'state' | 'dueAt'>, now: Date): boolean {
  return ticket.dueAt !== null && DEADLINE_STATES.includes(ticket.state) && ticket.dueAt.getTime() < now.getTime();
}
