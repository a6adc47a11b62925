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

  /** Takes a locked pending delivery to send: one more attempt, holding the grant spent on it. */
  async markSending(manager: EntityManager, id: number, grantSpentAt: Date, now: Date): Promise<void> {
    await manager
      .getRepository(WechatMessageDelivery)
      .createQueryBuilder()
      .update()
      .set({
        status: WechatDeliveryStatus.Sending,
        attempts: () => 'attempts + 1',
        claimedAt: now,
        grantSpentAt,
        updatedAt: now,
      })
      .where('id = :id', { id })
      .execute();
  }

  /** Settles a locked pending delivery without sending it. */
  async skipPending(manager: EntityManager, id: number, reason: string, now: Date): Promise<void> {
    await manager
      .getRepository(WechatMessageDelivery)
      .update({ id }, { status: WechatDeliveryStatus.Skipped, lastError: reason, updatedAt: now });
  }

  /** Records how an attempt ended; false when the row had left `sending` meanwhile (expired as failed). */
  async finish(id: number, result: DeliveryResult, now: Date): Promise<boolean> {
    const changes: Partial<WechatMessageDelivery> = { status: result.status, updatedAt: now };
    if (result.status === WechatDeliveryStatus.Sent) {
      changes.sentAt = now;
      changes.lastError = null;
    } else {
      changes.lastError = result.error.slice(0, ERROR_MAX_LENGTH);
    }
    if (result.status === WechatDeliveryStatus.Pending) changes.nextAttemptAt = result.nextAttemptAt;
    const updated = await this.deliveries.update({ id, status: WechatDeliveryStatus.Sending }, changes);
    return (updated.affected ?? 0) === 1;
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
