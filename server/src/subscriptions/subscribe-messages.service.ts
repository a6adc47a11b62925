import type { WechatSubscribePurpose } from '@ankang/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { retryingLockConflicts } from '../database/job-claims';
import { WechatClient } from '../wechat/wechat-client';
import { classifySendFailure } from './send-outcome';
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
const CLAIM_BATCH_SIZE = 10;
/** Candidates read per batch: enough for several servers reading the same ones to each claim a batch. */
const CANDIDATE_WINDOW = 4 * CLAIM_BATCH_SIZE;
/** A run stops after this many batches; the next tick goes on. */
const MAX_BATCHES_PER_RUN = 100;
export const MAX_DELIVERY_ATTEMPTS = 5;
const FIRST_RETRY_DELAY_MS = 60_000;
const LONGEST_RETRY_DELAY_MS = 60 * 60_000;
/** Longer than any call to WeChat can take (timeouts × attempts, plus a token refresh). */
const SENDING_LEASE_MS = 15 * 60_000;

/** The wait before attempt `attempts + 1`: a minute, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_DELAY_MS);
}

interface ClaimedDelivery {
  delivery: WechatMessageDelivery;
  openId: string;
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

  /** Sends what is due: claims batches until none is left (or the run's limit), sending each claimed delivery once. */
  async deliverDue(now: Date = new Date()): Promise<DeliveryRunSummary> {
    const summary: DeliveryRunSummary = { sent: 0, skipped: 0, retrying: 0, failed: 0, abandoned: 0 };
    summary.abandoned = await this.deliveries.failAbandoned(new Date(now.getTime() - SENDING_LEASE_MS), now);
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
      const { locked, claimed, skipped } = await retryingLockConflicts(() => this.claimBatch(now));
      summary.skipped += skipped;
      // Nothing due, or all of it held by other servers, which are on it.
      if (locked === 0) break;
      const results = await Promise.all(claimed.map((item) => this.send(item, now)));
      for (const status of results) {
        if (status === WechatDeliveryStatus.Sent) summary.sent += 1;
        else if (status === WechatDeliveryStatus.Skipped) summary.skipped += 1;
        else if (status === WechatDeliveryStatus.Pending) summary.retrying += 1;
        else if (status === WechatDeliveryStatus.Failed) summary.failed += 1;
      }
    }
    return summary;
  }

  /**
   * One transaction: lock due deliveries (passing over those another server holds), settle the ones
   * that cannot go (no openid, no grant, WeChat not configured) and take the others to `sending`,
   * each holding one grant.
   */
  private claimBatch(now: Date): Promise<{ locked: number; claimed: ClaimedDelivery[]; skipped: number }> {
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
      const claimed: ClaimedDelivery[] = [];
      let skipped = 0;
      // Grants are spent in one order on every server, so two batches never wait on each other's grants.
      const inGrantOrder = [...due].sort(
        (first, second) => first.userId - second.userId || first.templateId.localeCompare(second.templateId),
      );
      for (const delivery of inGrantOrder) {
        const recipient = recipients.get(delivery.userId);
        const unsendable = this.unsendableReason(recipient);
        const openId = recipient?.openId;
        if (unsendable !== null || !openId) {
          // A retry already held a grant: it goes back to the person.
          if (delivery.grantSpentAt) await this.grants.returnOne(delivery.userId, delivery.templateId, now, manager);
          await this.deliveries.skipPending(manager, delivery.id, unsendable ?? 'no openid', now);
          skipped += 1;
          continue;
        }
        const holdsGrant =
          delivery.grantSpentAt !== null ||
          (await this.grants.spendOne(manager, delivery.userId, delivery.templateId, now));
        if (!holdsGrant) {
          await this.deliveries.skipPending(manager, delivery.id, 'no grant left for the template', now);
          skipped += 1;
          continue;
        }
        await this.deliveries.markSending(manager, delivery.id, delivery.grantSpentAt ?? now, now);
        claimed.push({ delivery: { ...delivery, attempts: delivery.attempts + 1 }, openId });
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

  private async send({ delivery, openId }: ClaimedDelivery, now: Date): Promise<WechatDeliveryStatus> {
    let result: DeliveryResult;
    try {
      await this.wechat.sendSubscribeMessage({
        toOpenId: openId,
        templateId: delivery.templateId,
        ...(delivery.page === null ? {} : { page: delivery.page }),
        data: JSON.parse(delivery.data) as Record<string, string>,
        miniProgramState: this.config.wechat.miniProgramState,
      });
      result = { status: WechatDeliveryStatus.Sent };
    } catch (error) {
      result = await this.afterFailure(delivery, error, now);
    }
    const settled = await this.deliveries.finish(delivery.id, result, new Date());
    if (!settled) {
      this.logger.warn({ deliveryId: delivery.id }, 'A delivery outlived its lease while sending; left as failed');
    }
    return result.status;
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
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attempts)),
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
        this.logger.warn({ deliveryId: delivery.id, error: failure.error }, 'Subscribe message outcome unknown');
        return { status: WechatDeliveryStatus.Failed, error: `outcome unknown, not sent again: ${failure.error}` };
    }
  }
}
