import type { WechatSubscribePurpose } from '@ankang/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { retryingLockConflicts } from '../database/job-claims';
import { WechatClient } from '../wechat/wechat-client';
import { classifySendFailure } from './send-outcome';
import { SendThrottle } from './send-throttle';
import { subscribePage } from './subscribe-templates';
import {
  type DeliveryRecipient,
  type DeliveryResult,
  WechatMessageDeliveriesRepository,
} from './wechat-message-deliveries.repository';
import { WechatDeliveryStatus, type WechatMessageDelivery } from './wechat-message-delivery.entity';
import { WechatSubscriptionsRepository } from './wechat-subscriptions.repository';

/** One WeChat subscribe message for one person, mirroring an in-app message. */
export interface NewSubscribeMessage {
  userId: number;
  purpose: WechatSubscribePurpose;
  /** The same key is queued once, however often or by however many servers it is enqueued. */
  dedupeKey: string;
  /** The page it opens, e.g. `/pages/hazard/detail?id=9` (a leading slash is dropped for WeChat). */
  page: string | null;
  /** The template's keys and values (see subscribe-templates.ts). */
  data: Record<string, string>;
}

/** What one run of the worker did. */
export interface DeliveryRunSummary {
  sent: number;
  skipped: number;
  /** Put back to try again later (WeChat busy or out of reach). */
  retrying: number;
  failed: number;
  /** Left in `sending` by a server that stopped mid-call, now failed. */
  abandoned: number;
}

/** The columns' sizes (see wechat-message-delivery.entity.ts). */
const DEDUPE_KEY_MAX_LENGTH = 160;
const PAGE_MAX_LENGTH = 255;
/** Deliveries claimed per transaction: a few statements for the lot, so 200k sends are not round trips each. */
export const CLAIM_BATCH_SIZE = 250;
/** Candidates read per batch: enough for several servers reading the same ones to each claim a batch. */
const CANDIDATE_WINDOW = 2 * CLAIM_BATCH_SIZE;
export const MAX_DELIVERY_ATTEMPTS = 5;
const LONGEST_RETRY_DELAY_MS = 60 * 60_000;

/** The wait before attempt `attempts + 1`: the base (WECHAT_SEND_RETRY_BASE_SECONDS), doubling, at most an hour. */
export function retryDelayMs(attempts: number, baseSeconds = 60): number {
  return Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_DELAY_MS);
}

interface ClaimedDelivery {
  delivery: WechatMessageDelivery;
  openId: string;
}

interface ClaimedBatch {
  locked: number;
  claimed: ClaimedDelivery[];
  skipped: number;
}

/**
 * WeChat subscribe messages: queued in the transaction of the in-app message they mirror, sent by a
 * worker that any number of servers may run at once. A delivery is claimed (row lock, then status
 * `sending`) by exactly one server, spends one of the person's grants, and is sent at most once:
 * only attempts WeChat certainly did not act on are repeated.
 */
@Injectable()
export class SubscribeMessagesService {
  private readonly logger = new Logger(SubscribeMessagesService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WechatMessageDeliveriesRepository,
    private readonly grants: WechatSubscriptionsRepository,
    private readonly wechat: WechatClient,
    private readonly throttle: SendThrottle,
  ) {}

  /**
   * Queues messages in the caller's transaction, due from `at`. A purpose without a configured
   * template, or a server without WeChat, queues nothing. Returns how many were offered to the queue.
   */
  async enqueue(
    manager: EntityManager,
    messages: NewSubscribeMessage | readonly NewSubscribeMessage[],
    at: Date = new Date(),
  ): Promise<number> {
    if (!this.wechat.isConfigured()) return 0;
    const queued = (Array.isArray(messages) ? messages : [messages]).flatMap((message: NewSubscribeMessage) => {
      const templateId = this.config.wechat.subscribeTemplates[message.purpose];
      if (!templateId) return [];
      // INSERT IGNORE would cut an over-long value silently (and two keys could then collide): refuse it.
      if (message.dedupeKey.length > DEDUPE_KEY_MAX_LENGTH || (message.page?.length ?? 0) > PAGE_MAX_LENGTH) {
        throw new Error(`Subscribe message ${message.dedupeKey.slice(0, 40)}… has a key or page over the column size`);
      }
      return [
        {
          dedupeKey: message.dedupeKey,
          userId: message.userId,
          purpose: message.purpose,
          templateId,
          page: message.page === null ? null : subscribePage(message.page),
          data: message.data,
        },
      ];
    });
    await this.deliveries.insertPending(manager, queued, at);
    return queued.length;
  }

  /**
   * Sends what is due until nothing due is left (or all of it is held by other servers, which are on
   * it). Sends flow through the process-wide throttle (rate and concurrency) without waiting for a
   * batch's slowest call: the next batch is claimed as soon as fewer than half a batch remain
   * unsent, and outcomes are recorded in groups as they come. Without `now`, what is due is judged
   * afresh for each batch.
   */
  async deliverDue(now?: Date): Promise<DeliveryRunSummary> {
    const at = () => now ?? new Date();
    const summary: DeliveryRunSummary = { sent: 0, skipped: 0, retrying: 0, failed: 0, abandoned: 0 };
    const leaseMs = this.config.wechatSending.leaseSeconds * 1000;
    summary.abandoned = await this.deliveries.failAbandoned(new Date(at().getTime() - leaseMs), at());
    const inFlight = new Set<Promise<void>>();
    const outcomes: { id: number; result: DeliveryResult }[] = [];
    const record = async () => {
      const done = outcomes.splice(0);
      if (done.length === 0) return;
      const unsettled = await this.deliveries.finish(done, new Date());
      if (unsettled > 0)
        this.logger.warn({ unsettled }, 'Deliveries outlived their lease while sending; left as failed');
      for (const { result } of done) {
        if (result.status === WechatDeliveryStatus.Sent) summary.sent += 1;
        else if (result.status === WechatDeliveryStatus.Skipped) summary.skipped += 1;
        else if (result.status === WechatDeliveryStatus.Pending) summary.retrying += 1;
        else if (result.status === WechatDeliveryStatus.Failed) summary.failed += 1;
      }
    };
    try {
      for (;;) {
        const batch = await retryingLockConflicts(() => this.claimBatch(at()));
        summary.skipped += batch.skipped;
        // Nothing due, or all of it held by other servers.
        if (batch.locked === 0) break;
        for (const item of batch.claimed) {
          const sending: Promise<void> = this.throttle
            .run(() => this.send(item, at()))
            .then(
              (result) => {
                outcomes.push({ id: item.delivery.id, result });
              },
              // The row stays in `sending` and expires as failed: never sent twice.
              (error: unknown) => this.logger.error({ err: error, deliveryId: item.delivery.id }, 'Send failed'),
            )
            .finally(() => inFlight.delete(sending));
          inFlight.add(sending);
        }
        while (inFlight.size > CLAIM_BATCH_SIZE / 2) await Promise.race(inFlight);
        await record();
      }
    } finally {
      // Whatever stopped the run, the calls already made are waited for and recorded.
      await Promise.all(inFlight);
      await record();
    }
    return summary;
  }

  /**
   * Cancels the queued messages whose dedupe key starts with `dedupeKeyPrefix` (pending → skipped,
   * e.g. `notice:42:` when notice 42 is withdrawn), in the caller's transaction. A retry that held a
   * grant gives it back. Messages already being sent go their way. Returns how many were cancelled.
   */
  async cancelPending(manager: EntityManager, dedupeKeyPrefix: string, reason: string): Promise<number> {
    if (dedupeKeyPrefix === '') throw new Error('cancelPending needs a dedupe key prefix');
    const now = new Date();
    const { cancelled, heldGrants } = await this.deliveries.cancelPending(manager, dedupeKeyPrefix, reason, now);
    for (const grant of heldGrants) await this.grants.returnOne(grant.userId, grant.templateId, now, manager);
    return cancelled;
  }

  /**
   * One transaction: lock due deliveries (passing over those another server holds), settle the ones
   * that cannot go (no openid, no grant, WeChat not configured) and take the others to `sending`,
   * each holding one grant. Set-based: a handful of statements for the whole batch.
   */
  private claimBatch(now: Date): Promise<ClaimedBatch> {
    return this.deliveries.transaction(async (manager) => {
      const candidates = await this.deliveries.findDueIds(manager, now, CANDIDATE_WINDOW);
      const locked = await this.deliveries.lock(manager, candidates, CLAIM_BATCH_SIZE);
      // The latest rows decide: one another server took meanwhile is no longer pending.
      const due = locked.filter(
        (delivery) =>
          delivery.status === WechatDeliveryStatus.Pending && delivery.nextAttemptAt.getTime() <= now.getTime(),
      );
      const recipients = await this.deliveries.findRecipients(
        manager,
        due.map((delivery) => delivery.userId),
      );
      const skippedFor = new Map<string, number[]>();
      const skip = (delivery: WechatMessageDelivery, reason: string) =>
        skippedFor.set(reason, [...(skippedFor.get(reason) ?? []), delivery.id]);
      const sendable: { delivery: WechatMessageDelivery; openId: string }[] = [];
      for (const delivery of due) {
        const recipient = recipients.get(delivery.userId);
        const unsendable = this.unsendableReason(recipient);
        if (unsendable !== null || !recipient?.openId) {
          // A retry already held a grant: it goes back to the person.
          if (delivery.grantSpentAt) await this.grants.returnOne(delivery.userId, delivery.templateId, now, manager);
          skip(delivery, unsendable ?? 'no openid');
          continue;
        }
        sendable.push({ delivery, openId: recipient.openId });
      }
      // New deliveries each spend one grant; retries keep the one they hold.
      const spending = sendable.filter(({ delivery }) => delivery.grantSpentAt === null);
      const held = await this.grants.lockHeld(
        manager,
        spending.map(({ delivery }) => delivery.userId),
        spending.map(({ delivery }) => delivery.templateId),
      );
      const left = new Map(held.map((grant) => [`${grant.userId}|${grant.templateId}`, grant]));
      const spent = new Map<number, number>();
      const claimed: ClaimedDelivery[] = [];
      for (const item of sendable) {
        const { delivery } = item;
        if (delivery.grantSpentAt === null) {
          const grant = left.get(`${delivery.userId}|${delivery.templateId}`);
          const alreadySpent = grant ? (spent.get(grant.id) ?? 0) : 0;
          if (!grant || grant.remaining - alreadySpent <= 0) {
            skip(delivery, 'no grant left for the template');
            continue;
          }
          spent.set(grant.id, alreadySpent + 1);
        }
        claimed.push({ delivery: { ...delivery, attempts: delivery.attempts + 1 }, openId: item.openId });
      }
      await this.grants.spend(manager, spent, now);
      await this.deliveries.markSending(
        manager,
        claimed.map(({ delivery }) => delivery.id),
        now,
      );
      let skipped = 0;
      for (const [reason, ids] of skippedFor) {
        await this.deliveries.skipPending(manager, ids, reason, now);
        skipped += ids.length;
      }
      return { locked: locked.length, claimed, skipped };
    });
  }

  private unsendableReason(recipient: DeliveryRecipient | undefined): string | null {
    if (!this.wechat.isConfigured()) return 'WeChat is not configured';
    if (!recipient || recipient.disabled) return 'account disabled';
    if (!recipient.openId) return 'no openid: the person has not logged in with WeChat';
    return null;
  }

  /** One call to WeChat; what it means for the delivery (recorded by the caller with the rest of the batch). */
  private async send({ delivery, openId }: ClaimedDelivery, now: Date): Promise<DeliveryResult> {
    try {
      await this.wechat.sendSubscribeMessage({
        toOpenId: openId,
        templateId: delivery.templateId,
        ...(delivery.page === null ? {} : { page: delivery.page }),
        data: JSON.parse(delivery.data) as Record<string, string>,
        miniProgramState: this.config.wechat.miniProgramState,
      });
      return { status: WechatDeliveryStatus.Sent };
    } catch (error) {
      return this.afterFailure(delivery, error, now);
    }
  }

  private async afterFailure(delivery: WechatMessageDelivery, error: unknown, now: Date): Promise<DeliveryResult> {
    const failure = classifySendFailure(error);
    switch (failure.kind) {
      case 'refused':
        await this.grants.clear(delivery.userId, delivery.templateId, now);
        return { status: WechatDeliveryStatus.Skipped, error: failure.error };
      case 'retry':
        if (delivery.attempts < MAX_DELIVERY_ATTEMPTS) {
          return {
            status: WechatDeliveryStatus.Pending,
            nextAttemptAt: new Date(
              now.getTime() + retryDelayMs(delivery.attempts, this.config.wechatSending.retryBaseSeconds),
            ),
            error: failure.error,
          };
        }
        // Given up on a message WeChat never received: the grant it held is still the person's.
        await this.grants.returnOne(delivery.userId, delivery.templateId, now);
        return {
          status: WechatDeliveryStatus.Failed,
          error: `gave up after ${delivery.attempts} attempts: ${failure.error}`,
        };
      case 'rejected':
        await this.grants.returnOne(delivery.userId, delivery.templateId, now);
        this.logger.warn({ deliveryId: delivery.id, error: failure.error }, 'WeChat rejected a subscribe message');
        return { status: WechatDeliveryStatus.Failed, error: failure.error };
      case 'unknown':
        // The request may have reached WeChat (a timeout after it was sent, a dropped connection): a
        // repeat could deliver the message twice, so it is failed, never sent again.
        this.logger.warn({ deliveryId: delivery.id, error: failure.error }, 'Subscribe message outcome unknown');
        return { status: WechatDeliveryStatus.Failed, error: `outcome unknown, not sent again: ${failure.error}` };
    }
  }
}
