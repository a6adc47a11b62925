import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { claimSkippingLocked } from '../database/job-claims';
import { User } from '../users/user.entity';
import { WechatDeliveryStatus, WechatMessageDelivery } from './wechat-message-delivery.entity';

export interface NewDelivery {
  dedupeKey: string;
  userId: number;
  purpose: string;
  templateId: string;
  page: string | null;
  data: Record<string, string>;
}

/** Who a delivery goes to, as the worker needs them. */
export interface DeliveryRecipient {
  openId: string | null;
  disabled: boolean;
}

/** How an attempt ended, written only over a row still in `sending` (so never twice). */
export type DeliveryResult =
  | { status: WechatDeliveryStatus.Sent }
  | { status: WechatDeliveryStatus.Pending; nextAttemptAt: Date; error: string }
  | { status: WechatDeliveryStatus.Skipped | WechatDeliveryStatus.Failed; error: string };

const ERROR_MAX_LENGTH = 500;

@Injectable()
export class WechatMessageDeliveriesRepository {
  constructor(
    @InjectRepository(WechatMessageDelivery) private readonly deliveries: Repository<WechatMessageDelivery>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.deliveries.manager.transaction(work);
  }

  /** Queues deliveries in the caller's transaction; a key already queued is left as it is. */
  async insertPending(manager: EntityManager, deliveries: readonly NewDelivery[], now: Date): Promise<void> {
    if (deliveries.length === 0) return;
    await manager
      .getRepository(WechatMessageDelivery)
      .createQueryBuilder()
      .insert()
      .values(
        deliveries.map((delivery) => ({
          ...delivery,
          data: JSON.stringify(delivery.data),
          status: WechatDeliveryStatus.Pending,
          attempts: 0,
          nextAttemptAt: now,
          claimedAt: null,
          grantSpentAt: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
          sentAt: null,
        })),
      )
      .orIgnore()
      .execute();
  }

  /** Pending deliveries whose time has come, oldest first: a plain read that locks nothing. */
  async findDueIds(manager: EntityManager, now: Date, limit: number): Promise<number[]> {
    const rows = await manager
      .getRepository(WechatMessageDelivery)
      .createQueryBuilder('delivery')
      .select('delivery.id', 'id')
      .where('delivery.status = :status', { status: WechatDeliveryStatus.Pending })
      .andWhere('delivery.nextAttemptAt <= :now', { now })
      .orderBy('delivery.nextAttemptAt', 'ASC')
      .addOrderBy('delivery.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Claims up to `limit` of these deliveries for this transaction, passing over those another server
   * holds. By primary key in id order: record locks only, no gap locks, and the database stops at
   * the limit, so servers reading the same candidates split them. The caller checks the locked rows
   * (another server may have taken one between the read and the lock).
   */
  lock(manager: EntityManager, ids: readonly number[], limit: number): Promise<WechatMessageDelivery[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return claimSkippingLocked(
      manager
        .getRepository(WechatMessageDelivery)
        .createQueryBuilder('delivery')
        .where('delivery.id IN (:...ids)', { ids })
        .orderBy('delivery.id', 'ASC')
        .limit(limit),
    ).getMany();
  }

  async findRecipients(manager: EntityManager, userIds: readonly number[]): Promise<Map<number, DeliveryRecipient>> {
    if (userIds.length === 0) return new Map();
    const users = await manager.getRepository(User).find({
      select: { id: true, openId: true, disabledAt: true },
      where: { id: In([...new Set(userIds)]) },
    });
    return new Map(users.map((user) => [user.id, { openId: user.openId, disabled: user.disabledAt !== null }]));
  }

  /** Takes locked pending deliveries to send: one more attempt each, holding the grant spent on it (a retry keeps its first). */
  async markSending(manager: EntityManager, ids: readonly number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .getRepository(WechatMessageDelivery)
      .createQueryBuilder()
      .update()
      .set({
        status: WechatDeliveryStatus.Sending,
        attempts: () => 'attempts + 1',
        claimedAt: now,
        grantSpentAt: () => 'COALESCE(grant_spent_at, :claimedAt)',
        updatedAt: now,
      })
      .where('id IN (:...ids)', { ids, claimedAt: now })
      .execute();
  }

  /** Settles locked pending deliveries without sending them. */
  async skipPending(manager: EntityManager, ids: readonly number[], reason: string, now: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .getRepository(WechatMessageDelivery)
      .update({ id: In([...ids]) }, { status: WechatDeliveryStatus.Skipped, lastError: reason, updatedAt: now });
  }

  /**
   * Records how attempts ended, one statement per kind of ending, each only over rows still in
   * `sending` (so never twice). Returns how many rows had left `sending` meanwhile (expired as failed).
   */
  async finish(outcomes: readonly { id: number; result: DeliveryResult }[], now: Date): Promise<number> {
    const groups = new Map<string, { changes: Partial<WechatMessageDelivery>; ids: number[] }>();
    for (const { id, result } of outcomes) {
      const changes: Partial<WechatMessageDelivery> = { status: result.status, updatedAt: now };
      if (result.status === WechatDeliveryStatus.Sent) {
        changes.sentAt = now;
        changes.lastError = null;
      } else {
        changes.lastError = result.error.slice(0, ERROR_MAX_LENGTH);
      }
      if (result.status === WechatDeliveryStatus.Pending) changes.nextAttemptAt = result.nextAttemptAt;
      const key = JSON.stringify(changes);
      const group = groups.get(key) ?? { changes, ids: [] };
      group.ids.push(id);
      groups.set(key, group);
    }
    let unsettled = 0;
    for (const { changes, ids } of groups.values()) {
      const updated = await this.deliveries.update({ id: In(ids), status: WechatDeliveryStatus.Sending }, changes);
      unsettled += ids.length - (updated.affected ?? ids.length);
    }
    return unsettled;
  }

  /**
   * Pending deliveries whose dedupe key starts with `prefix` are skipped (e.g. a withdrawn notice's
   * unsent messages); those already in `sending` go their way. Returns the retries among them that
   * held a grant, for the caller to give back, and how many were cancelled.
   */
  async cancelPending(
    manager: EntityManager,
    prefix: string,
    reason: string,
    now: Date,
  ): Promise<{ cancelled: number; heldGrants: { userId: number; templateId: string }[] }> {
    // `!` escapes LIKE's wildcards alike on MariaDB and SQLite (a backslash does not).
    const pattern = `${prefix.replace(/[!%_]/g, (character) => `!${character}`)}%`;
    // Locked, passing over rows a server is claiming right now (those go their way, as if already sending).
    const rows = await claimSkippingLocked(
      manager
        .getRepository(WechatMessageDelivery)
        .createQueryBuilder('delivery')
        .where("delivery.dedupeKey LIKE :pattern ESCAPE '!'", { pattern })
        .andWhere('delivery.status = :status', { status: WechatDeliveryStatus.Pending }),
    ).getMany();
    if (rows.length === 0) return { cancelled: 0, heldGrants: [] };
    const ids = rows.map((row) => row.id);
    const result = await manager
      .getRepository(WechatMessageDelivery)
      .update(
        { id: In(ids), status: WechatDeliveryStatus.Pending },
        { status: WechatDeliveryStatus.Skipped, lastError: reason, updatedAt: now },
      );
    return {
      cancelled: result.affected ?? ids.length,
      heldGrants: rows
        .filter((row) => row.grantSpentAt !== null)
        .map((row) => ({ userId: row.userId, templateId: row.templateId })),
    };
  }

  /**
   * Deliveries a server took to send but never settled (it stopped mid-call) become failed: WeChat
   * may have delivered them, and sending again could deliver twice. Found by a plain read, changed
   * by primary key, so no range of rows is locked while servers are claiming.
   */
  async failAbandoned(claimedBefore: Date, now: Date): Promise<number> {
    const abandoned = await this.deliveries
      .createQueryBuilder('delivery')
      .select('delivery.id', 'id')
      .where('delivery.status = :status', { status: WechatDeliveryStatus.Sending })
      .andWhere('delivery.claimedAt < :claimedBefore', { claimedBefore })
      .getRawMany<{ id: number | string }>();
    if (abandoned.length === 0) return 0;
    const result = await this.deliveries.update(
      { id: In(abandoned.map((row) => Number(row.id))), status: WechatDeliveryStatus.Sending },
      {
        status: WechatDeliveryStatus.Failed,
        lastError: 'abandoned while sending (server stopped?): outcome unknown, not sent again',
        updatedAt: now,
      },
    );
    return result.affected ?? 0;
  }
}
