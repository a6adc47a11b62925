import {
  CommonErrorCode,
  chinaDateOf,
  endOfChinaDay,
  HAZARD_PHOTOS_MAX,
  HAZARD_TRANSITIONS,
  HazardAction,
  HazardErrorCode,
  HazardGrade,
  HazardPhotoKind,
  HazardState,
  nextHazardState,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { type EntityManager, type FindOptionsWhere, IsNull } from 'typeorm';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { InboxService, type NewInboxMessage } from '../inbox/inbox.service';
import type {
  DecideExtensionDto,
  FailHazardDto,
  FixOnTheSpotDto,
  MergeHazardDto,
  PassHazardDto,
  ReassignHazardDto,
  RejectHazardDto,
  ReopenHazardDto,
  ReportToAuthorityDto,
  RequestExtensionDto,
  SubmitFixDto,
  TriageHazardDto,
} from './hazard-actions.dto';
import {
  alertTicketOf,
  assignedAlerts,
  closedAlerts,
  extensionRequestedAlerts,
  fixSubmittedAlerts,
  majorReportedAlerts,
} from './hazard-alerts';
import { HazardPartiesRepository } from './hazard-parties.repository';
import { ticketRuleViolation } from './hazard-relation';
import type { HazardTicket } from './hazard-ticket.entity';
import { type HazardTicketChanges, HazardTicketsRepository } from './hazard-tickets.repository';
import type { HazardTicketDetailDto } from './hazards.dto';
import { HazardsService } from './hazards.service';
import { HazardPhotosService } from './photos/hazard-photos.service';
import { TicketEventsRepository } from './ticket-events.repository';

/** What an action writes, decided once the caller, the state and the ticket's own rules allow it. */
interface ActionPlan {
  changes: HazardTicketChanges;
  /** Further conditions the ticket must still meet when written (besides its state). */
  guard?: FindOptionsWhere<HazardTicket>;
  note: string | null;
  payload?: Record<string, unknown>;
  /** Photos to attach, claimed in the same transaction. */
  photos?: { ids: number[]; kind: HazardPhotoKind };
  /** Checks that must hold inside the transaction, before anything is written. */
  verify?: (manager: EntityManager) => Promise<void>;
  /** The inbox messages the action sends, given the id of its event. */
  alerts?: (eventId: number) => NewInboxMessage[];
}

/** The 五定 fields of triage and reassignment. */
type AssignmentRequest = Pick<
  TriageHazardDto,
  'responsibleUserId' | 'measures' | 'funding' | 'deadline' | 'contingencyPlan'
>;

const NO_PENDING_EXTENSION = { extensionDueAt: null, extensionReason: null, extensionRequestedAt: null } as const;

/**
 * The lifecycle's actions. Each is checked in one order — can the caller see the ticket (else 404),
 * is the action theirs (403), does the state allow it (409), the rules of the ticket and of the
 * request — and written in one transaction: a conditional update on the state it came from (so of
 * two people acting at once only one wins), its event, its photos and its alerts.
 */
@Injectable()
export class HazardActionsService {
  constructor(
    private readonly hazards: HazardsService,
    private readonly tickets: HazardTicketsRepository,
    private readonly events: TicketEventsRepository,
    private readonly parties: HazardPartiesRepository,
    private readonly photos: HazardPhotosService,
    private readonly inbox: InboxService,
  ) {}

  triage(scope: Scope, id: number, body: TriageHazardDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Triage, async (ticket, now) => {
      const assignment = await this.checkAssignment(ticket, body, body.grade, now);
      const major = body.grade === HazardGrade.Major;
      const unionStaff = major ? await this.parties.findUnionStaffIdsAbove(enterprisePathOf(ticket)) : [];
      const industry = body.industry ?? ticket.industry;
      return {
        changes: { ...assignment.changes, grade: body.grade, category: body.category, industry },
        note: null,
        payload: { grade: body.grade, category: body.category, industry, ...assignment.payload },
        alerts: (eventId) => [
          ...assignedAlerts(others(scope, [assignment.responsibleId]), alertTicketOf(ticket), eventId, body.deadline),
          ...majorReportedAlerts(others(scope, unionStaff), alertTicketOf(ticket)),
        ],
      };
    });
  }

  reject(scope: Scope, id: number, body: RejectHazardDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Reject, () => ({
      changes: { rejectReason: body.reason },
      note: body.reason,
    }));
  }

  merge(scope: Scope, id: number, body: MergeHazardDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Merge, async (ticket) => {
      const targetId = Number(body.duplicateOfTicketId);
      const target = await this.tickets.findById(targetId);
      if (!target || !isMergeTarget(ticket, target)) throw new AppException(HazardErrorCode.MergeTargetInvalid);
      return {
        changes: { duplicateOfId: target.id },
        note: body.note ?? null,
        payload: { duplicateOfTicketId: target.id, duplicateOfCode: target.code },
        // Two tickets merged into each other at once would point at each other: both are locked
        // (in id order) and the target checked again before either is written.
        verify: async (manager) => {
          const locked = await this.tickets.lockByIds(manager, [ticket.id, target.id]);
          const current = locked.find((candidate) => candidate.id === target.id);
          if (!current || !isMergeTarget(ticket, current)) throw new AppException(HazardErrorCode.MergeTargetInvalid);
        },
      };
    });
  }

  fixOnTheSpot(scope: Scope, id: number, body: FixOnTheSpotDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.FixOnTheSpot, async (ticket) => {
      const photoIds = fixPhotoIds(body.photoIds);
      const grade = body.grade ?? HazardGrade.General;
      const [officers, unionStaff] = await Promise.all([
        this.parties.findOfficerIds(ticket.enterpriseId),
        grade === HazardGrade.Major ? this.parties.findUnionStaffIdsAbove(enterprisePathOf(ticket)) : [],
      ]);
      return {
        changes: { grade, rectifiedBy: scope.userId, verifiedBy: null },
        note: body.note,
        payload: { grade, photoCount: photoIds.length },
        photos: { ids: photoIds, kind: HazardPhotoKind.Fix },
        alerts: (eventId) => [
          ...fixSubmittedAlerts(others(scope, officers), alertTicketOf(ticket), eventId),
          ...majorReportedAlerts(others(scope, unionStaff), alertTicketOf(ticket)),
        ],
      };
    });
  }

  start(scope: Scope, id: number): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Start, () => ({ changes: {}, note: null }));
  }

  reassign(scope: Scope, id: number, body: ReassignHazardDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Reassign, async (ticket, now) => {
      const assignment = await this.checkAssignment(ticket, body, ticket.grade, now);
      return {
        changes: assignment.changes,
        note: body.note ?? null,
        payload: assignment.payload,
        alerts: (eventId) =>
          assignedAlerts(others(scope, [assignment.responsibleId]), alertTicketOf(ticket), eventId, body.deadline),
      };
    });
  }

  requestExtension(scope: Scope, id: number, body: RequestExtensionDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.RequestExtension, async (ticket, now) => {
      const extensionDueAt = notBeforeToday(body.deadline, now);
      if (ticket.dueAt && extensionDueAt.getTime() <= ticket.dueAt.getTime()) {
        throw new AppException(CommonErrorCode.ValidationFailed, [
          { field: 'deadline', message: '延期后的期限应晚于现在的期限' },
        ]);
      }
      const officers = await this.parties.findOfficerIds(ticket.enterpriseId);
      return {
        changes: { extensionDueAt, extensionReason: body.reason, extensionRequestedAt: now },
        guard: { extensionDueAt: IsNull() },
        note: body.reason,
        payload: { deadline: body.deadline, currentDeadline: ticket.dueAt ? chinaDateOf(ticket.dueAt) : null },
        alerts: (eventId) =>
          extensionRequestedAlerts(others(scope, officers), alertTicketOf(ticket), eventId, body.deadline),
      };
    });
  }

  approveExtension(scope: Scope, id: number, body: DecideExtensionDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.ApproveExtension, (ticket) => {
      const requested = pendingExtensionOf(ticket);
      return {
        changes: { ...NO_PENDING_EXTENSION, dueAt: requested },
        // The very request the manager saw, not one that replaced it meanwhile.
        guard: { extensionDueAt: requested },
        note: body.note ?? null,
        payload: {
          previousDeadline: ticket.dueAt ? chinaDateOf(ticket.dueAt) : null,
          deadline: chinaDateOf(requested),
        },
      };
    });
  }

  denyExtension(scope: Scope, id: number, body: DecideExtensionDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.DenyExtension, (ticket) => {
      const requested = pendingExtensionOf(ticket);
      return {
        changes: NO_PENDING_EXTENSION,
        guard: { extensionDueAt: requested },
        note: body.note ?? null,
        payload: { requestedDeadline: chinaDateOf(requested) },
      };
    });
  }

  submitFix(scope: Scope, id: number, body: SubmitFixDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.SubmitFix, async (ticket) => {
      const photoIds = fixPhotoIds(body.photoIds);
      const officers = await this.parties.findOfficerIds(ticket.enterpriseId);
      return {
        // A pending request for more time is moot once the fix is in.
        changes: { ...NO_PENDING_EXTENSION, rectifiedBy: scope.userId, verifiedBy: null },
        note: body.note,
        payload: { photoCount: photoIds.length },
        photos: { ids: photoIds, kind: HazardPhotoKind.Fix },
        alerts: (eventId) => fixSubmittedAlerts(others(scope, officers), alertTicketOf(ticket), eventId),
      };
    });
  }

  pass(scope: Scope, id: number, body: PassHazardDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Pass, (ticket, now) => ({
      changes: { verifiedBy: scope.userId, closedAt: now },
      note: body.note ?? null,
      alerts: (eventId) =>
        closedAlerts(
          others(scope, ticket.reporterUserId === null ? [] : [ticket.reporterUserId]),
          alertTicketOf(ticket),
          eventId,
        ),
    }));
  }

  fail(scope: Scope, id: number, body: FailHazardDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Fail, () => ({ changes: { verifiedBy: null }, note: body.reason }));
  }

  reopen(scope: Scope, id: number, body: ReopenHazardDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.Reopen, () => ({
      changes: { closedAt: null, verifiedBy: null },
      note: body.reason,
    }));
  }

  reportToAuthority(scope: Scope, id: number, body: ReportToAuthorityDto): Promise<HazardTicketDetailDto> {
    return this.perform(scope, id, HazardAction.ReportToAuthority, (_ticket, now) => {
      if (body.reportedOn > chinaDateOf(now)) {
        throw new AppException(CommonErrorCode.ValidationFailed, [
          { field: 'reportedOn', message: '报送日期不能晚于今天' },
        ]);
      }
      const reference = body.reference ?? null;
      return {
        changes: {
          authorityDepartment: body.department,
          authorityReportedOn: body.reportedOn,
          authorityReference: reference,
        },
        // Recorded once: of two reports at once, the second is refused.
        guard: { authorityReportedOn: IsNull() },
        note: null,
        payload: { department: body.department, reportedOn: body.reportedOn, reference },
      };
    });
  }

  /**
   * The one path of every action: access, capacity, state and the ticket's rules in that order,
   * then the plan's own checks, then one transaction that writes it all or nothing.
   */
  private async perform(
    scope: Scope,
    id: number,
    action: HazardAction,
    plan: (ticket: HazardTicket, now: Date) => ActionPlan | Promise<ActionPlan>,
  ): Promise<HazardTicketDetailDto> {
    const { ticket, relation } = await this.hazards.findRelatedOrFail(scope, id);
    if (!HAZARD_TRANSITIONS[action].actors.some((actor) => relation.actors.includes(actor))) {
      throw new AppException(HazardErrorCode.ActionForbidden);
    }
    const toState = nextHazardState(ticket.state, action);
    if (toState === null) throw new AppException(HazardErrorCode.TransitionNotAllowed);
    const now = new Date();
    const violation = ticketRuleViolation(action, ticket, scope.userId, now);
    if (violation !== null) throw new AppException(violation);
    const decided = await plan(ticket, now);

    await this.tickets.transaction(async (manager) => {
      await decided.verify?.(manager);
      const written = await this.tickets.updateFromState(
        manager,
        ticket.id,
        ticket.state,
        { ...decided.changes, state: toState },
        now,
        decided.guard,
      );
      // Someone acted on the ticket since it was read: their change stands, this one is refused.
      if (!written) throw new AppException(HazardErrorCode.TransitionNotAllowed);
      if (decided.photos) {
        await this.photos.claimForTicket(manager, {
          photoIds: decided.photos.ids,
          ticketId: ticket.id,
          kind: decided.photos.kind,
          uploaderId: scope.userId,
          forgetUploader: false,
        });
      }
      const { id: eventId } = await this.events.append(
        manager,
        {
          ticketId: ticket.id,
          actorUserId: scope.userId,
          action,
          fromState: ticket.state,
          toState,
          note: decided.note,
          payload: decided.payload ?? null,
        },
        now,
      );
      await this.inbox.deliver(decided.alerts?.(eventId) ?? [], manager);
    });
    const after = await this.hazards.findRelatedOrFail(scope, id);
    return this.hazards.detailOf(scope, after.ticket, after.relation);
  }

  /**
   * The 五定 of an assignment, checked: the plan for 重大, a deadline not before today, and a
   * responsible person who belongs to the ticket's enterprise.
   */
  private async checkAssignment(
    ticket: HazardTicket,
    request: AssignmentRequest,
    grade: HazardGrade | null,
    now: Date,
  ): Promise<{ changes: HazardTicketChanges; payload: Record<string, unknown>; responsibleId: number }> {
    if (grade === HazardGrade.Major && !request.contingencyPlan) {
      throw new AppException(HazardErrorCode.ContingencyPlanRequired);
    }
    const dueAt = notBeforeToday(request.deadline, now);
    const responsible = await this.parties.findPersonOfEnterprise(
      Number(request.responsibleUserId),
      ticket.enterpriseId,
    );
    if (!responsible) throw new AppException(HazardErrorCode.ResponsiblePersonInvalid);
    const fields = {
      measures: request.measures,
      funding: request.funding ?? null,
      contingencyPlan: request.contingencyPlan ?? null,
    };
    return {
      changes: { ...fields, ...NO_PENDING_EXTENSION, responsibleUserId: responsible.id, dueAt },
      payload: { ...fields, responsibleUserId: responsible.id, deadline: request.deadline },
      responsibleId: responsible.id,
    };
  }
}

/** The end of the China day `date`, refused when that day is already past. */
function notBeforeToday(date: string, now: Date): Date {
  if (date < chinaDateOf(now)) throw new AppException(HazardErrorCode.DeadlineInPast);
  return endOfChinaDay(date);
}

/** After-photos: at least one (the fix must be seen), at most as many as a report may carry. */
function fixPhotoIds(photoIds: string[]): number[] {
  if (photoIds.length === 0) throw new AppException(HazardErrorCode.AfterPhotoRequired);
  if (photoIds.length > HAZARD_PHOTOS_MAX) {
    throw new AppException(CommonErrorCode.ValidationFailed, [
      { field: 'photoIds', message: `最多上传 ${HAZARD_PHOTOS_MAX} 张照片` },
    ]);
  }
  return photoIds.map(Number);
}

/** Another ticket of the same enterprise that is itself a ticket to work on (not rejected, not a duplicate). */
function isMergeTarget(ticket: HazardTicket, target: Pick<HazardTicket, 'id' | 'enterpriseId' | 'state'>): boolean {
  return (
    target.id !== ticket.id &&
    target.enterpriseId === ticket.enterpriseId &&
    target.state !== HazardState.Rejected &&
    target.state !== HazardState.Duplicate
  );
}

/** Checked by the ticket's rules before any plan is made. */
function pendingExtensionOf(ticket: HazardTicket): Date {
  if (!ticket.extensionDueAt) throw new AppException(HazardErrorCode.NoExtensionPending);
  return ticket.extensionDueAt;
}

function enterprisePathOf(ticket: HazardTicket): string {
  if (!ticket.enterprise) throw new Error(`Ticket ${ticket.id} was loaded without its enterprise`);
  return ticket.enterprise.path;
}

/** Nobody is told about what they did themselves. */
function others(scope: Scope, userIds: readonly number[]): number[] {
  return userIds.filter((userId) => userId !== scope.userId);
}
