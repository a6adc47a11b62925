import { InboxMessageKind, NoticeFanOutState, NoticeState, WechatSubscribePurpose } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { retryingLockConflicts } from '../database/job-claims';
import { InboxService } from '../inbox/inbox.service';
import { type DeliveryRunSummary, SubscribeMessagesService } from '../subscriptions/subscribe-messages.service';
import { noticeData } from '../subscriptions/subscribe-templates';
import type { Notice } from './notice.entity';
import { audienceFilterOf, NoticeAudienceRepository } from './notice-audience.repository';
import { NoticeFanOutRepository } from './notice-fan-out.repository';

/** Recipients written per transaction: large enough for few round trips, small enough to hold the notice's lock briefly. */
export const FAN_OUT_BATCH_SIZE = 500;
/** Notices read per claim: enough for several servers reading the same ones to each find one free. */
const CANDIDATE_WINDOW = 8;

export const NOTE_ACKNOWLEDGE = '请及时查看并确认阅知';
export const NOTE_READ = '请查看该安全通知';

/** The inbox and WeChat dedupe key of a notice's message to one person (contract6.md). */
export function noticeMessageKey(noticeId: number, userId: number): string {
  return `notice:${noticeId}:${userId}`;
}

/** The page a notice's messages open. */
export function noticeLink(noticeId: number): string {
  return `/pages/notice/detail?id=${noticeId}`;
}

/** What one claimed batch did. */
export interface FanOutBatch {
  noticeId: number;
  recipients: number;
  done: boolean;
}

export interface FanOutRunSummary {
  published: number;
  /** Recipients written this run (receipt, inbox entry, queued WeChat message each). */
  recipients: number;
  /** Notices whose fan-out finished this run. */
  finished: number;
  deliveries: DeliveryRunSummary;
}

/**
 * Fans published notices out to their recipients: a receipt, an inbox entry and (where WeChat has a
 * notice template) a queued subscribe message each. A batch claims one notice with a row lock that
 * other servers pass over (`FOR UPDATE SKIP LOCKED`), takes the next recipients after the notice's
 * cursor, and writes them together with the moved cursor in one transaction: a crash between batches
 * loses nothing and repeats nothing, and every write is insert-ignore on a unique key besides.
 * A notice withdrawn meanwhile is no longer claimed.
 */
@Injectable()
export class NoticeFanOutService {
  constructor(
    private readonly notices: NoticeFanOutRepository,
    private readonly audience: NoticeAudienceRepository,
    private readonly inbox: InboxService,
    private readonly subscribeMessages: SubscribeMessagesService,
  ) {}

  /** Scheduled notices whose publish time has come → published now, fan-out pending. */
  publishDue(now: Date = new Date()): Promise<number> {
    return this.notices.publishScheduled(now);
  }

  /** Batches until no notice is left to fan out (or all are held by other servers, which are on them). */
  async fanOutAll(): Promise<{ recipients: number; finished: number }> {
    let recipients = 0;
    let finished = 0;
    for (;;) {
      const batch = await this.fanOutBatch();
      if (batch === null) return { recipients, finished };
      recipients += batch.recipients;
      if (batch.done) finished += 1;
    }
  }

  /** One batch of one notice; null when there is nothing to claim. */
  fanOutBatch(): Promise<FanOutBatch | null> {
    return retryingLockConflicts(() => this.notices.transaction((manager) => this.writeBatch(manager)));
  }

  /**
   * Publish what is due, fan everything out, send what is due. Without `now` (the job), what is due
   * is judged at each step as the run goes; tests pass a moment to run as if it were then.
   */
  async runOnce(now?: Date): Promise<FanOutRunSummary> {
    const published = await this.publishDue(now ?? new Date());
    const { recipients, finished } = await this.fanOutAll();
    const deliveries = await this.subscribeMessages.deliverDue(now);
    return { published, recipients, finished, deliveries };
  }

  private async writeBatch(manager: EntityManager): Promise<FanOutBatch | null> {
    const candidates = await this.notices.findFanOutCandidateIds(manager, CANDIDATE_WINDOW);
    const notice = await this.notices.lockOne(manager, candidates);
    // The locked row is the latest: one withdrawn or finished since the read is left alone.
    if (!notice || notice.state !== NoticeState.Published || notice.fanOutState === NoticeFanOutState.Done) {
      return null;
    }
    const scope = await this.notices.findUnit(manager, notice.scopeOrgUnitId);
    if (!scope) throw new Error(`Notice ${notice.id} has no scope node ${notice.scopeOrgUnitId}`);
    const recipients = await this.audience.findRecipientsAfter(
      manager,
      audienceFilterOf(notice, scope.path),
      notice.fanOutCursor,
      FAN_OUT_BATCH_SIZE,
    );
    const now = new Date();
    await this.notices.insertReceipts(
      manager,
      notice.id,
      recipients.map((recipient) => ({ userId: recipient.userId, enterpriseId: recipient.nodeId })),
      now,
    );
    const note = notice.acknowledgementRequired ? NOTE_ACKNOWLEDGE : NOTE_READ;
    const link = noticeLink(notice.id);
    await this.inbox.deliver(
      recipients.map(({ userId }) => ({
        userId,
        kind: InboxMessageKind.NoticePublished,
        title: notice.title,
        body: `${scope.name}：${note}`,
        link,
        dedupeKey: noticeMessageKey(notice.id, userId),
      })),
      manager,
    );
    const data = noticeData({ title: notice.title, from: scope.name, publishedAt: publishedAtOf(notice, now), note });
    await this.subscribeMessages.enqueue(
      manager,
      recipients.map(({ userId }) => ({
        userId,
        purpose: WechatSubscribePurpose.Notice,
        dedupeKey: noticeMessageKey(notice.id, userId),
        page: link,
        data,
      })),
      now,
    );
    const done = recipients.length < FAN_OUT_BATCH_SIZE;
    const last = recipients.at(-1);
    await this.notices.advance(manager, notice, { cursor: last?.userId ?? notice.fanOutCursor, done }, now);
    return { noticeId: notice.id, recipients: recipients.length, done };
  }
}

function publishedAtOf(notice: Notice, fallback: Date): Date {
  return notice.publishedAt ?? fallback;
}
