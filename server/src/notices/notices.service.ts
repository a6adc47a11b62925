import {
  addChinaDays,
  CommonErrorCode,
  chinaDateOf,
  NoticeErrorCode,
  NoticeState,
  OrgErrorCode,
  Permission,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import { isUniqueViolation } from '../database/unique-violation';
import { InboxService } from '../inbox/inbox.service';
import type { OrgUnit } from '../org/org-unit.entity';
import { toOrgUnitReference } from '../org/org-units.dto';
import { OrgUnitsRepository } from '../org/org-units.repository';
import { SubscribeMessagesService } from '../subscriptions/subscribe-messages.service';
import type { Notice } from './notice.entity';
import { NoticeAudienceRepository } from './notice-audience.repository';
import { checkedNoticeBody } from './notice-body';
import {
  type NoticeReminderFor,
  noticeDedupeKeyPrefixes,
  reminderInboxMessage,
  reminderSubscribeMessage,
} from './notice-messages';
import {
  addReceiptCounts,
  NoticeReceiptsRepository,
  noReceiptCounts,
  type ReceiptGroupCounts,
} from './notice-receipts.repository';
import { isEditable, mayAddressNotice, publishDecision, stateAfterEdit } from './notice-rules';
import {
  audienceOf,
  type ComposeNoticeDto,
  type CreateNoticeDto,
  type NoticeAudienceCountDto,
  type NoticeAudienceDto,
  type NoticeDetailDto,
  type NoticeListQueryDto,
  type NoticePageDto,
  type NoticeReceiptCountsDto,
  type NoticeReceiptsDto,
  type NoticeReceiptsQueryDto,
  type RemindNoticeDto,
  type RemindNoticeResponseDto,
  scopeOf,
  toNoticeDetail,
  toNoticeSummary,
} from './notices.dto';
import { type NoticeContent, NoticesRepository } from './notices.repository';

export interface CreateOutcome {
  notice: NoticeDetailDto;
  /** False when the client key had made the draft already: this is that draft. */
  created: boolean;
}

/** People reminded per transaction: one batch's inbox messages, WeChat messages and receipt marks. */
const REMIND_BATCH_SIZE = 500;

/**
 * 安全通知 for their authors: union staff write for unions and enterprises of their subtree, officers
 * for their own enterprise. A notice is readable (and writable) by whoever may address its scope;
 * to anyone else it does not exist. Drafts and scheduled notices change; publishing counts the
 * audience and hands the notice to the background fan-out; withdrawing hides it from its recipients
 * and cancels its unsent WeChat messages.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly receipts: NoticeReceiptsRepository,
    private readonly audience: NoticeAudienceRepository,
    private readonly inbox: InboxService,
    private readonly subscribeMessages: SubscribeMessagesService,
  ) {}

  /** A draft; the client key makes a retried 保存 return the first draft (also when two race). */
  async create(scope: Scope, body: CreateNoticeDto): Promise<CreateOutcome> {
    const earlier = await this.notices.findClientKey(body.clientKey);
    if (earlier) return { notice: await this.retried(scope, earlier.noticeId, earlier.authorUserId), created: false };

    const { content } = await this.checkedContent(scope, body, new Date());
    const now = new Date();
    let noticeId: number;
    try {
      noticeId = await this.notices.transaction((manager) =>
        this.notices.insertDraft(manager, { content, authorUserId: scope.userId, clientKey: body.clientKey }, now),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.notices.findClientKey(body.clientKey);
      if (!winner) throw error;
      return { notice: await this.retried(scope, winner.noticeId, winner.authorUserId), created: false };
    }
    return { notice: await this.detail(noticeId), created: true };
  }

  async list(scope: Scope, query: NoticeListQueryDto): Promise<NoticePageDto> {
    const limit = pageLimit(query);
    const rows = await this.notices.findPage({
      scopePaths: scope.pathCondition(Permission.NoticeManage, 'scope.path'),
      state: query.state,
      beforeId: query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]),
      take: limit + 1,
    });
    return toPage(rows, limit, (notice) => [notice.id], toNoticeSummary);
  }

  async get(scope: Scope, id: number): Promise<NoticeDetailDto> {
    return toNoticeDetail(await this.findManageableOrFail(scope, id));
  }

  /**
   * Drafts and scheduled notices change in place. A scheduled notice stays scheduled (its audience
   * counted again, and refused when empty) unless its publish time is removed: then it is a draft.
   */
  async update(scope: Scope, id: number, body: ComposeNoticeDto): Promise<NoticeDetailDto> {
    const found = await this.findManageableOrFail(scope, id);
    if (!isEditable(found.state)) throw new AppException(NoticeErrorCode.NotEditable);
    const { content, scopeUnit } = await this.checkedContent(scope, body, new Date());
    const state = stateAfterEdit(found.state, content.publishAt);
    const recipientCount = state === NoticeState.Scheduled ? await this.countRecipients(scopeUnit, content) : 0;
    if (state === NoticeState.Scheduled && recipientCount === 0) throw new AppException(NoticeErrorCode.AudienceEmpty);
    await this.notices.transaction(async (manager) => {
      const locked = await this.lockOrFail(manager, id);
      // Published meanwhile (by its author's other tap or by its time coming): it no longer changes.
      if (locked.state !== found.state) throw new AppException(NoticeErrorCode.NotEditable);
      await this.notices.updateContent(manager, id, { content, state, recipientCount }, new Date());
    });
    return this.detail(id);
  }

  /**
   * Published now, or scheduled when its publish time is still to come. A published notice is
   * answered unchanged (a retried tap publishes once); a withdrawn one is not sent again.
   */
  async publish(scope: Scope, id: number): Promise<NoticeDetailDto> {
    const found = await this.findManageableOrFail(scope, id);
    const planned = publishDecision(found.state, found.publishAt, new Date());
    if (planned.kind === 'refuse') throw new AppException(NoticeErrorCode.NotEditable);
    if (planned.kind === 'unchanged') return toNoticeDetail(found);
    // Counted before the row is locked: the count reads the audience, not the notice.
    const recipientCount = await this.countRecipients(scopeOf(found), audienceOf(found));
    if (recipientCount === 0) throw new AppException(NoticeErrorCode.AudienceEmpty);
    await this.notices.transaction(async (manager) => {
      const locked = await this.lockOrFail(manager, id);
      const now = new Date();
      const decision = publishDecision(locked.state, locked.publishAt, now);
      if (decision.kind === 'refuse') throw new AppException(NoticeErrorCode.NotEditable);
      if (decision.kind === 'schedule') await this.notices.markScheduled(manager, id, recipientCount, now);
      if (decision.kind === 'publish') await this.notices.markPublished(manager, id, recipientCount, now);
    });
    return this.detail(id);
  }

  /**
   * Recipients no longer see it; its WeChat messages not yet sent are not sent. Withdrawing twice
   * changes nothing; a draft was never sent and cannot be withdrawn.
   */
  async withdraw(scope: Scope, id: number): Promise<NoticeDetailDto> {
    const found = await this.findManageableOrFail(scope, id);
    if (found.state === NoticeState.Draft) throw new AppException(NoticeErrorCode.NotPublished);
    if (found.state === NoticeState.Withdrawn) return toNoticeDetail(found);
    await this.notices.transaction(async (manager) => {
      const locked = await this.lockOrFail(manager, id);
      if (locked.state === NoticeState.Withdrawn) return;
      const now = new Date();
      await this.notices.markWithdrawn(manager, id, now);
      await this.cancelUnsentMessages(manager, id);
    });
    return this.detail(id);
  }

  /** How many people the audience reaches now (the preview while composing). */
  async audienceCount(scope: Scope, body: NoticeAudienceDto): Promise<NoticeAudienceCountDto> {
    const scopeUnit = await this.addressableOrFail(scope, Number(body.scopeOrgUnitId));
    return { recipients: await this.countRecipients(scopeUnit, body) };
  }

  /** Receipts at a node of the notice's scope (the scope itself by default) and at each of its children. */
  async receiptsOf(scope: Scope, id: number, query: NoticeReceiptsQueryDto): Promise<NoticeReceiptsDto> {
    const { notice, node } = await this.noticeAtNodeOrFail(scope, id, query.orgUnitId);
    const groups = await this.receipts.countsUnder(notice.id, node.path);
    const byChild = new Map(
      groups.flatMap((group) => (group.childId === null ? [] : [[group.childId, group] as const])),
    );
    const children = await this.orgUnits.findActiveUnionsAndEnterprisesUnder(node.id);
    const listed = new Set(children.map((child) => child.id));
    // A child archived since the notice reached people under it still shows its figures.
    const archived = await this.orgUnits.findByIds([...byChild.keys()].filter((childId) => !listed.has(childId)));
    const totals = sumOf(groups);
    if (node.id === notice.scopeOrgUnitId) totals.recipients = Math.max(totals.recipients, notice.recipientCount);
    return {
      notice: toNoticeSummary(notice),
      node: toOrgUnitReference(node),
      totals,
      children: [...children, ...archived]
        .sort((left, right) => left.path.localeCompare(right.path))
        .map((child) => ({
          node: toOrgUnitReference(child),
          counts: byChild.get(child.id)?.counts ?? noReceiptCounts(),
        })),
    };
  }

  /**
   * 催办: an inbox message and a WeChat message to everyone under the node who has not acknowledged,
   * in batches, each its own transaction. Once per China day per notice and node: the day's record is
   * written after the batches, so a run cut short is finished by the next tap (the messages' dedupe
   * keys make the people already reminded today get nothing twice).
   */
  async remind(scope: Scope, id: number, body: RemindNoticeDto): Promise<RemindNoticeResponseDto> {
    const { notice, node } = await this.noticeAtNodeOrFail(scope, id, body.orgUnitId);
    if (notice.state !== NoticeState.Published || !notice.publishedAt) {
      throw new AppException(NoticeErrorCode.NotPublished);
    }
    if (!notice.acknowledgementRequired) throw new AppException(NoticeErrorCode.AcknowledgementNotRequired);
    const today = chinaDateOf(new Date());
    const nextAllowedOn = addChinaDays(today, 1);
    const alreadyReminded = () => new AppException(NoticeErrorCode.AlreadyRemindedToday, { nextAllowedOn });
    if (await this.receipts.findReminder(notice.id, node.id, today)) throw alreadyReminded();

    const about: Omit<NoticeReminderFor, 'userId'> = {
      noticeId: notice.id,
      title: notice.title,
      from: scopeOf(notice).name,
      publishedAt: notice.publishedAt,
      on: today,
    };
    let reminded = 0;
    let afterUserId = 0;
    for (;;) {
      const userIds = await this.receipts.findUnacknowledgedUserIds(
        notice.id,
        node.path,
        afterUserId,
        REMIND_BATCH_SIZE,
      );
      if (userIds.length === 0) break;
      reminded += await this.receipts.transaction(async (manager) => {
        const people = userIds.map((userId) => ({ ...about, userId }));
        const written = await this.inbox.deliver(people.map(reminderInboxMessage), manager);
        await this.subscribeMessages.enqueue(manager, people.map(reminderSubscribeMessage));
        await this.receipts.markReminded(manager, notice.id, userIds, today);
        return written;
      });
      afterUserId = userIds[userIds.length - 1];
    }
    try {
      await this.receipts.insertReminder(
        {
          noticeId: notice.id,
          orgUnitId: node.id,
          chinaDate: today,
          remindedBy: scope.userId,
          remindedCount: reminded,
        },
        new Date(),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyReminded();
      throw error;
    }
    return { reminded, nextAllowedOn };
  }

  // -------------------------------------------------------------------------------------------

  /**
   * The content as it will be stored, or the coded refusal: a body with problems (400), a scope the
   * caller may not address (403), an archived scope (409), a publish time not in the future (400).
   */
  private async checkedContent(
    scope: Scope,
    body: ComposeNoticeDto,
    now: Date,
  ): Promise<{ content: NoticeContent; scopeUnit: OrgUnit }> {
    const checkedBody = checkedNoticeBody(body.bodyHtml);
    if ('problem' in checkedBody) throw new AppException(CommonErrorCode.ValidationFailed, [checkedBody.problem]);
    const scopeUnit = await this.addressableOrFail(scope, Number(body.scopeOrgUnitId));
    const publishAt = body.publishAt ? new Date(body.publishAt) : null;
    if (publishAt && publishAt.getTime() <= now.getTime()) throw new AppException(NoticeErrorCode.PublishAtInPast);
    return {
      scopeUnit,
      content: {
        scopeOrgUnitId: scopeUnit.id,
        title: body.title,
        bodyHtml: checkedBody.bodyHtml,
        kind: body.kind,
        industries: [...new Set(body.industries)],
        workerGroups: [...new Set(body.workerGroups)],
        roles: [...new Set(body.roles)],
        acknowledgementRequired: body.acknowledgementRequired,
        publishAt,
      },
    };
  }

  private async addressableOrFail(scope: Scope, orgUnitId: number): Promise<OrgUnit> {
    const unit = await this.orgUnits.findById(orgUnitId);
    if (!unit || !mayAddressNotice(scope, unit)) throw new AppException(NoticeErrorCode.ScopeNotAllowed);
    if (unit.archivedAt) throw new AppException(OrgErrorCode.NodeArchived);
    return unit;
  }

  private countRecipients(scopeUnit: OrgUnit, audience: Pick<NoticeContent, 'industries' | 'workerGroups' | 'roles'>) {
    return this.audience.countRecipients({
      scopePath: scopeUnit.path,
      industries: audience.industries,
      workerGroups: audience.workerGroups,
      roles: audience.roles,
    });
  }

  /**
   * The notice and the node of a receipts or reminder request: the notice's scope by default, or a
   * node under it. The node must lie in the caller's scope too; so staff below the notice's scope
   * (a county under a city's notice, an officer under it) see and chase their own part of a sent
   * notice, never its drafts, and nobody sees a node outside their scope.
   */
  private async noticeAtNodeOrFail(
    scope: Scope,
    id: number,
    orgUnitId: string | undefined,
  ): Promise<{ notice: Notice; node: OrgUnit }> {
    const notice = await this.notices.findByIdWithScope(id);
    const scopeUnit = notice?.scope;
    if (!notice || !scopeUnit) throw new AppException(CommonErrorCode.NotFound);
    const node =
      orgUnitId === undefined || Number(orgUnitId) === scopeUnit.id
        ? scopeUnit
        : await this.orgUnits.findById(Number(orgUnitId));
    const sent = notice.state === NoticeState.Published || notice.state === NoticeState.Withdrawn;
    if (
      !node?.path.startsWith(scopeUnit.path) ||
      !scope.can(Permission.NoticeManage, node.path) ||
      !(sent || mayAddressNotice(scope, scopeUnit))
    ) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    return { notice, node };
  }

  /** A retried create answers the first draft, unless the key was someone else's: a client bug, refused. */
  private async retried(scope: Scope, noticeId: number, authorUserId: number | null): Promise<NoticeDetailDto> {
    if (authorUserId !== scope.userId) {
      throw new AppException(CommonErrorCode.ValidationFailed, [
        { field: 'clientKey', message: '该提交标识已用于另一条通知，请重新提交' },
      ]);
    }
    return toNoticeDetail(await this.findManageableOrFail(scope, noticeId));
  }

  /** The notice's WeChat messages and reminders not yet sent are not sent (those being sent go their way). */
  private async cancelUnsentMessages(manager: EntityManager, noticeId: number): Promise<void> {
    for (const prefix of noticeDedupeKeyPrefixes(noticeId)) {
      await this.subscribeMessages.cancelPending(manager, prefix, 'withdrawn');
    }
  }

  private async detail(id: number): Promise<NoticeDetailDto> {
    const notice = await this.notices.findByIdWithScope(id);
    if (!notice) throw new Error(`Notice ${id} vanished while it was being written`);
    return toNoticeDetail(notice);
  }

  /** Scoped where the caller may address notices; anything else is answered as not found. */
  private async findManageableOrFail(scope: Scope, id: number): Promise<Notice> {
    const notice = await this.notices.findByIdWithScope(id);
    if (!notice?.scope || !mayAddressNotice(scope, notice.scope)) throw new AppException(CommonErrorCode.NotFound);
    return notice;
  }

  private async lockOrFail(manager: EntityManager, id: number): Promise<Notice> {
    const notice = await this.notices.lockById(manager, id);
    if (!notice) throw new AppException(CommonErrorCode.NotFound);
    return notice;
  }
}

function sumOf(groups: readonly ReceiptGroupCounts[]): NoticeReceiptCountsDto {
  return groups.reduce((totals, group) => addReceiptCounts(totals, group.counts), noReceiptCounts());
}
