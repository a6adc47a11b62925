import {
  AuthErrorCode,
  CommonErrorCode,
  HAZARD_PHOTOS_MAX,
  HAZARD_PHOTOS_MIN,
  HazardErrorCode,
  HazardPhotoKind,
  HazardState,
  OrgErrorCode,
  OrgKind,
  Permission,
  ReporterVisibility,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { type CursorValue, decodeCursor, type PageQueryDto, pageLimit, toPage } from '../common/pagination';
import { isUniqueViolation } from '../database/unique-violation';
import { OrgUnitsRepository, type WorkplaceWithEnterprise } from '../org/org-units.repository';
import { UsersRepository } from '../users/users.repository';
import { FollowTokens } from './follow-tokens';
import { type ContentCheckOutcome, HazardContentCheck } from './hazard-content-check';
import { availableActions, type HazardRelation, OPEN_HAZARD_STATES, relationTo } from './hazard-relation';
import type { HazardTicket } from './hazard-ticket.entity';
import {
  type DeadlineCursor,
  type EnterpriseScope,
  type HazardListFilter,
  HazardTicketsRepository,
} from './hazard-tickets.repository';
import {
  type HazardFollowViewDto,
  type HazardListQueryDto,
  type HazardTicketDetailDto,
  type HazardTicketPageDto,
  type HazardTicketSummaryDto,
  type ReportHazardDto,
  type ReportHazardResponseDto,
  toFollowView,
  toTicketDetail,
  toTicketSummary,
} from './hazards.dto';
import type { HazardPhoto } from './photos/hazard-photo.entity';
import type { HazardPhotoDto, PhotoVariant } from './photos/hazard-photos.dto';
import { HazardPhotosService } from './photos/hazard-photos.service';
import type { TicketEvent } from './ticket-event.entity';
import { TicketEventsRepository } from './ticket-events.repository';

export interface ReportOutcome {
  response: ReportHazardResponseDto;
  /** False when the client key had been used already: a retry, answered with the first ticket. */
  created: boolean;
}

/** What a report's transaction wrote. */
interface FiledReport {
  ticket: HazardTicket;
  photos: HazardPhoto[];
  event: TicketEvent;
}

/** A ticket and how the caller stands to it. */
export interface RelatedTicket {
  ticket: HazardTicket;
  relation: HazardRelation;
}

/** An anonymous reporter answered about their own report: no capacity, and nobody to name. */
const ANONYMOUS_REPORTER: HazardRelation = { actors: [], isReporter: false, seesReporter: false };

/**
 * 隐患随手拍: the report from the gate, the ticket as each related person may see it, the lists and
 * the anonymous reporter's follow view. A ticket is answered only to those related to it (reporter,
 * responsible person, officers and union staff whose scope holds it); anyone else is told it does
 * not exist.
 */
@Injectable()
export class HazardsService {
  constructor(
    private readonly tickets: HazardTicketsRepository,
    private readonly events: TicketEventsRepository,
    private readonly photos: HazardPhotosService,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly users: UsersRepository,
    private readonly contentCheck: HazardContentCheck,
    private readonly followTokens: FollowTokens,
  ) {}

  /**
   * Files a report: ticket, photos, first event and code in one transaction. The client key decides
   * whether it is new: the same key again — also racing the first — gets the first ticket back,
   * without depending on its photos still being claimable.
   */
  async report(scope: Scope, request: ReportHazardDto): Promise<ReportOutcome> {
    const earlier = await this.tickets.findByClientKey(request.clientKey);
    if (earlier) return { response: await this.retried(scope, earlier, request), created: false };

    if (request.photoIds.length < HAZARD_PHOTOS_MIN || request.photoIds.length > HAZARD_PHOTOS_MAX) {
      throw new AppException(HazardErrorCode.PhotosRequired);
    }
    const place = await this.orgUnits.findWorkplaceWithEnterprise(Number(request.workplaceId));
    if (!place) throw new AppException(OrgErrorCode.WorkplaceNotFound);
    if (place.workplace.archivedAt || place.enterprise.archivedAt) {
      throw new AppException(OrgErrorCode.WorkplaceArchived);
    }

    const reporter = await this.users.findById(scope.userId);
    const contentCheck = await this.contentCheck.check(request.description, reporter?.openId ?? null);
    const now = new Date();
    const code = await this.tickets.takeCode(now);
    let filed: FiledReport;
    try {
      filed = await this.fileReport(scope, request, place, contentCheck, code, now);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.tickets.findByClientKey(request.clientKey);
      if (!winner) throw error;
      return { response: await this.retried(scope, winner, request), created: false };
    }
    // The answer is made from what was just written: no second reading on the worker's hot path.
    const ticket = Object.assign(filed.ticket, {
      workplace: place.workplace,
      enterprise: place.enterprise,
      reporter: filed.ticket.reporterUserId === null ? null : reporter,
      responsible: null,
      duplicateOf: null,
    });
    filed.event.actor = filed.event.actorUserId === null ? null : reporter;
    const relation = relationTo(ticket, place.enterprise.path, scope) ?? ANONYMOUS_REPORTER;
    return {
      response: {
        ticket: toTicketDetail({
          ticket,
          photos: this.photoDtos([...filed.photos].sort((left, right) => left.id - right.id)),
          events: [filed.event],
          relation,
          actions: availableActions(ticket, relation, scope.userId, now),
          now,
        }),
        followToken: this.followTokenOf(request),
      },
      created: true,
    };
  }

  async get(scope: Scope, id: number): Promise<HazardTicketDetailDto> {
    const { ticket, relation } = await this.findRelatedOrFail(scope, id);
    return this.detailOf(scope, ticket, relation);
  }

  async photo(scope: Scope, id: number, photoId: number, variant: PhotoVariant) {
    await this.findRelatedOrFail(scope, id);
    const photo = (await this.photos.findByTicketIds([id])).find((candidate) => candidate.id === photoId);
    if (!photo) throw new AppException(CommonErrorCode.NotFound);
    return this.photos.read(photo, variant);
  }

  /** The caller's own named and hidden reports, newest first. */
  async mine(scope: Scope, query: PageQueryDto): Promise<HazardTicketPageDto> {
    const limit = pageLimit(query);
    const afterId = query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]);
    const rows = await this.tickets.findReportedByPage(scope.userId, afterId, limit);
    return this.pageOf(rows, limit, (ticket) => [ticket.id]);
  }

  /**
   * Staff lists over the enterprises in the caller's scope: the queue (open tickets by deadline),
   * supervision (重大 not yet done, and overdue; union staff) or all (newest first).
   */
  async list(scope: Scope, query: HazardListQueryDto): Promise<HazardTicketPageDto> {
    const view = query.view ?? 'queue';
    const permission = view === 'supervision' ? Permission.HazardSupervise : Permission.HazardHandle;
    if (!scope.hasAnywhere(permission)) throw new AppException(AuthErrorCode.Forbidden);
    const limit = pageLimit(query);
    let states = query.state === undefined ? null : [query.state];
    if (view === 'queue') states = (states ?? OPEN_HAZARD_STATES).filter((state) => OPEN_HAZARD_STATES.includes(state));
    const filter: HazardListFilter = {
      enterprises: enterpriseScope(scope, permission),
      states,
      workplaceId: query.workplaceId === undefined ? undefined : Number(query.workplaceId),
      gridId: query.gridId === undefined ? undefined : Number(query.gridId),
      category: query.category,
      grade: query.grade,
      overdue: query.overdue,
      supervision: view === 'supervision',
      now: new Date(),
      limit,
    };
    if (states?.length === 0) return { items: [], nextCursor: null };
    if (view === 'all') {
      const afterId = query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]);
      return this.pageOf(await this.tickets.findNewestPage(filter, afterId), limit, (ticket) => [ticket.id]);
    }
    const after = query.cursor === undefined ? null : decodeDeadlineCursor(query.cursor);
    return this.pageOf(await this.tickets.findByDeadlinePage(filter, after), limit, (ticket) => [
      ticket.dueAt?.toISOString() ?? '',
      ticket.id,
    ]);
  }

  /** The anonymous reporter's view through their token; nothing about anyone. */
  async follow(token: string): Promise<HazardFollowViewDto> {
    const ticket = this.followTokens.isWellFormed(token)
      ? await this.tickets.findByFollowTokenHash(this.followTokens.hashOf(token))
      : null;
    if (!ticket) throw new AppException(HazardErrorCode.FollowTokenInvalid);
    return toFollowView(ticket, await this.events.findTimelineWithoutActors(ticket.id));
  }

  /**
   * The ticket with the caller's relation to it. Unknown ids and tickets the caller has no relation
   * to are answered alike, revealing nothing.
   */
  async findRelatedOrFail(scope: Scope, id: number): Promise<RelatedTicket> {
    const ticket = await this.tickets.findByIdWithParties(id);
    const relation = ticket?.enterprise ? relationTo(ticket, ticket.enterprise.path, scope) : null;
    if (!ticket || !relation) throw new AppException(CommonErrorCode.NotFound);
    return { ticket, relation };
  }

  /** The ticket as the caller may see it now, with the actions open to them. */
  async detailOf(scope: Scope, ticket: HazardTicket, relation: HazardRelation): Promise<HazardTicketDetailDto> {
    const now = new Date();
    const [photos, events] = await Promise.all([
      this.photos.findByTicketIds([ticket.id]),
      this.events.findTimeline(ticket.id),
    ]);
    return toTicketDetail({
      ticket,
      photos: this.photoDtos(photos),
      events,
      relation,
      actions: availableActions(ticket, relation, scope.userId, now),
      now,
    });
  }

  /**
   * The ticket (with the code taken for it), its photos and its first event, in one transaction. A report racing
   * another with the same client key fails on the key's unique index, and nothing of it stays.
   */
  private fileReport(
    scope: Scope,
    request: ReportHazardDto,
    { workplace, enterprise }: WorkplaceWithEnterprise,
    contentCheck: ContentCheckOutcome,
    code: string,
    now: Date,
  ): Promise<FiledReport> {
    const anonymous = request.reporterVisibility === ReporterVisibility.Anonymous;
    const followToken = this.followTokenOf(request);
    const photoIds = request.photoIds.map(Number);
    return this.tickets.transaction(async (manager) => {
      const ticket = await this.tickets.insertReport(
        manager,
        {
          clientKey: request.clientKey,
          // Anonymous: the reporter is not stored at all, nor as the uploader of the photos.
          reporterUserId: anonymous ? null : scope.userId,
          reporterVisibility: request.reporterVisibility,
          followTokenHash: followToken === null ? null : this.followTokens.hashOf(followToken),
          enterpriseId: enterprise.id,
          workplaceId: workplace.id,
          industry: workplace.industry ?? enterprise.industry,
          category: request.category,
          description: request.description,
          locationNote: request.locationNote ?? null,
        },
        code,
        now,
      );
      const photos = await this.photos.claimForTicket(manager, {
        photoIds,
        ticketId: ticket.id,
        kind: HazardPhotoKind.Report,
        uploaderId: scope.userId,
        forgetUploader: anonymous,
      });
      const event = await this.events.append(
        manager,
        {
          ticketId: ticket.id,
          actorUserId: anonymous ? null : scope.userId,
          action: 'report',
          fromState: null,
          toState: HazardState.Submitted,
          note: null,
          // A report WeChat wants reviewed, or one it could not check, is accepted and marked here.
          // WeChat's trace id leads back to the openid it checked: an anonymous report keeps none.
          payload: {
            photoCount: photoIds.length,
            contentCheck: anonymous && 'traceId' in contentCheck ? { ...contentCheck, traceId: null } : contentCheck,
          },
        },
        now,
      );
      return { ticket, photos, event };
    });
  }

  /** Anonymous reports only: the token, the same for every retry of the report. */
  private followTokenOf(request: ReportHazardDto): string | null {
    return request.reporterVisibility === ReporterVisibility.Anonymous
      ? this.followTokens.tokenFor(request.clientKey)
      : null;
  }

  /** The answer to a report: the ticket as its reporter may see it (an anonymous one may not see it again). */
  private async reportedDetail(scope: Scope, ticketId: number): Promise<HazardTicketDetailDto> {
    const ticket = await this.tickets.findByIdWithParties(ticketId);
    if (!ticket?.enterprise) throw new Error(`Ticket ${ticketId} vanished right after it was reported`);
    return this.detailOf(scope, ticket, relationTo(ticket, ticket.enterprise.path, scope) ?? ANONYMOUS_REPORTER);
  }

  /**
   * A retry answers the first report — the same ticket, the same token — unless the key was used
   * for a different report (another workplace or visibility, or someone else's named report): a
   * client bug, refused without showing that report.
   */
  private async retried(
    scope: Scope,
    earlier: HazardTicket,
    request: ReportHazardDto,
  ): Promise<ReportHazardResponseDto> {
    const sameReport =
      String(earlier.workplaceId) === request.workplaceId &&
      earlier.reporterVisibility === request.reporterVisibility &&
      (earlier.reporterVisibility === ReporterVisibility.Anonymous || earlier.reporterUserId === scope.userId);
    if (!sameReport) {
      throw new AppException(CommonErrorCode.ValidationFailed, [
        { field: 'clientKey', message: '该提交标识已用于另一条上报，请重新提交' },
      ]);
    }
    return { ticket: await this.reportedDetail(scope, earlier.id), followToken: this.followTokenOf(request) };
  }

  private async pageOf(
    rows: HazardTicket[],
    limit: number,
    cursorOf: (ticket: HazardTicket) => readonly CursorValue[],
  ): Promise<HazardTicketPageDto> {
    const page = toPage(rows, limit, cursorOf, (ticket) => ticket);
    return { items: await this.summariesOf(page.items), nextCursor: page.nextCursor };
  }

  /** Each with the thumbnail of its first report photo. */
  private async summariesOf(tickets: HazardTicket[]): Promise<HazardTicketSummaryDto[]> {
    const firstPhotos = new Map<number, HazardPhoto>();
    for (const photo of inUploadOrder(await this.photos.findByTicketIds(tickets.map((ticket) => ticket.id)))) {
      if (photo.kind === HazardPhotoKind.Report && photo.ticketId !== null && !firstPhotos.has(photo.ticketId)) {
        firstPhotos.set(photo.ticketId, photo);
      }
    }
    const now = new Date();
    return tickets.map((ticket) => {
      const photo = firstPhotos.get(ticket.id);
      return toTicketSummary(ticket, photo ? this.photos.toPhotoDto(photo).thumbnailUrl : null, now);
    });
  }

  private photoDtos(photos: HazardPhoto[]): HazardPhotoDto[] {
    return inUploadOrder(photos).map((photo) => this.photos.toPhotoDto(photo));
  }
}

/**
 * The enterprises a staff list covers. Officers hold their grants at enterprises: the list names
 * them, so that one enterprise's queue walks its index. A union's subtree is a path condition.
 */
function enterpriseScope(scope: Scope, permission: Permission): EnterpriseScope {
  const grants = scope.grantsFor(permission);
  if (grants.every((grant) => grant.kind === OrgKind.Enterprise)) {
    return { enterpriseIds: [...new Set(grants.map((grant) => grant.orgUnitId))] };
  }
  return { enterprisePaths: scope.pathCondition(permission, 'enterprise.path') };
}

/** The report's photos first, then those of fixes: the order they were uploaded in. */
function inUploadOrder(photos: HazardPhoto[]): HazardPhoto[] {
  return [...photos].sort((left, right) => left.id - right.id);
}

/** `[deadline ISO or '' for none, id]`; anything else is a tampered cursor. */
function decodeDeadlineCursor(cursor: string): DeadlineCursor {
  const [due, id] = decodeCursor(cursor, ['string', 'number']) as [string, number];
  const dueAt = due === '' ? null : new Date(due);
  if ((dueAt !== null && Number.isNaN(dueAt.getTime())) || !Number.isInteger(id)) {
    throw new AppException(CommonErrorCode.ValidationFailed, [
      { field: 'cursor', message: '分页游标无效，请从第一页重新加载' },
    ]);
  }
  return { dueAt, id };
}
