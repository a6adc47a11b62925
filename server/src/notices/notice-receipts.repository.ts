import { type NoticeReceiptCounts, NoticeState } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../subscriptions/wechat-message-delivery.entity';
import { NoticeReceipt } from './notice-receipt.entity';
import { NoticeReminder } from './notice-reminder.entity';

/** Receipt counts of the people reached through one child of a node (null: through the node itself). */
export interface ReceiptGroupCounts {
  childId: number | null;
  /** `recipients` is the receipts written: the people the fan-out has reached. */
  counts: NoticeReceiptCounts;
}

export function noReceiptCounts(): NoticeReceiptCounts {
  return { recipients: 0, delivered: 0, read: 0, acknowledged: 0, wechatSent: 0, wechatRefused: 0, wechatFailed: 0 };
}

/** Adds `more` into `counts`. */
export function addReceiptCounts(counts: NoticeReceiptCounts, more: NoticeReceiptCounts): NoticeReceiptCounts {
  for (const key of Object.keys(counts) as (keyof NoticeReceiptCounts)[]) counts[key] += more[key];
  return counts;
}

/** A person's page of notices, newest first, paged on the receipt id. */
export interface MyNoticePageFilter {
  userId: number;
  unacknowledgedOnly: boolean;
  beforeId: number | null;
  take: number;
}

interface ReceiptGroupRow {
  childId: string | null;
  delivered: string | number;
  readCount: string | number;
  acknowledgedCount: string | number;
}

interface WechatGroupRow {
  childId: string | null;
  status: WechatDeliveryStatus;
  deliveries: string | number;
}

/**
 * Receipts of notices: the figures staff see (grouped in SQL by the child node a receipt's node lies
 * under, so a province notice of 200,000 receipts is two grouped queries), the 催办 batches, and
 * each person's own notices.
 */
@Injectable()
export class NoticeReceiptsRepository {
  constructor(@InjectRepository(NoticeReceipt) private readonly receipts: Repository<NoticeReceipt>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.receipts.manager.transaction(work);
  }

  /**
   * The counts of a notice's receipts under the node at `nodePath`, one group per child of the node
   * (childId null: people reached at the node itself). Receipts roll up by the path of the node the
   * person was reached through.
   */
  async countsUnder(noticeId: number, nodePath: string): Promise<ReceiptGroupCounts[]> {
    const child = childIdExpression(nodePath.length);
    const parameters = { noticeId, nodePath, prefix: `${nodePath}%` };
    const receiptRows = await this.receipts
      .createQueryBuilder('receipt')
      .innerJoin('receipt.enterprise', 'reached')
      .select(child, 'childId')
      .addSelect('COUNT(*)', 'delivered')
      .addSelect('COUNT(receipt.read_at)', 'readCount')
      .addSelect('COUNT(receipt.acknowledged_at)', 'acknowledgedCount')
      .where('receipt.notice_id = :noticeId')
      .andWhere('reached.path LIKE :prefix')
      .groupBy('childId')
      .setParameters(parameters)
      .getRawMany<ReceiptGroupRow>();
    // The notice's WeChat messages (not its reminders'): `notice:<id>:<userId>`, a range of the unique key.
    const wechatRows = await this.receipts.manager
      .getRepository(WechatMessageDelivery)
      .createQueryBuilder('delivery')
      .innerJoin(NoticeReceipt, 'receipt', 'receipt.notice_id = :noticeId AND receipt.user_id = delivery.user_id')
      .innerJoin(OrgUnit, 'reached', 'reached.id = receipt.enterprise_id')
      .select(child, 'childId')
      .addSelect('delivery.status', 'status')
      .addSelect('COUNT(*)', 'deliveries')
      .where('delivery.dedupe_key LIKE :keyPrefix', { keyPrefix: `notice:${noticeId}:%` })
      .andWhere('delivery.status IN (:...settled)', {
        settled: [WechatDeliveryStatus.Sent, WechatDeliveryStatus.Skipped, WechatDeliveryStatus.Failed],
      })
      .andWhere('reached.path LIKE :prefix')
      .groupBy('childId')
      .addGroupBy('delivery.status')
      .setParameters(parameters)
      .getRawMany<WechatGroupRow>();

    const groups = new Map<string, ReceiptGroupCounts>();
    const groupOf = (childId: string | null) => {
      const key = childId ?? '';
      let group = groups.get(key);
      if (!group) {
        group = { childId: key === '' ? null : Number(key), counts: noReceiptCounts() };
        groups.set(key, group);
      }
      return group;
    };
    for (const row of receiptRows) {
      const { counts } = groupOf(row.childId);
      counts.recipients += Number(row.delivered);
      counts.delivered += Number(row.delivered);
      counts.read += Number(row.readCount);
      counts.acknowledged += Number(row.acknowledgedCount);
    }
    for (const row of wechatRows) {
      const { counts } = groupOf(row.childId);
      const count = Number(row.deliveries);
      if (row.status === WechatDeliveryStatus.Sent) counts.wechatSent += count;
      else if (row.status === WechatDeliveryStatus.Skipped) counts.wechatRefused += count;
      else counts.wechatFailed += count;
    }
    return [...groups.values()];
  }

  /**
   * The next batch of people under the node who still owe 已阅知, in user-id order after `afterUserId`
   * (active accounts only).
   */
  async findUnacknowledgedUserIds(
    noticeId: number,
    nodePath: string,
    afterUserId: number,
    take: number,
  ): Promise<number[]> {
    const rows = await this.receipts
      .createQueryBuilder('receipt')
      .innerJoin('receipt.enterprise', 'reached')
      .innerJoin('receipt.user', 'person')
      .select('receipt.user_id', 'userId')
      .where('receipt.notice_id = :noticeId', { noticeId })
      .andWhere('receipt.acknowledged_at IS NULL')
      .andWhere('receipt.user_id > :afterUserId', { afterUserId })
      .andWhere('reached.path LIKE :prefix', { prefix: `${nodePath}%` })
      .andWhere('person.disabled_at IS NULL')
      .orderBy('receipt.user_id', 'ASC')
      .limit(take)
      .getRawMany<{ userId: string | number }>();
    return rows.map((row) => Number(row.userId));
  }

  async markReminded(manager: EntityManager, noticeId: number, userIds: number[], on: string): Promise<void> {
    if (userIds.length === 0) return;
    await manager.getRepository(NoticeReceipt).update({ noticeId, userId: In(userIds) }, { remindedOn: on });
  }

  // 催办 guard -----------------------------------------------------------------------------------

  findReminder(noticeId: number, orgUnitId: number, on: string): Promise<NoticeReminder | null> {
    return this.receipts.manager.getRepository(NoticeReminder).findOneBy({ noticeId, orgUnitId, chinaDate: on });
  }

  /** Records the day's reminder; fails on the unique key when one was recorded already. */
  async insertReminder(
    reminder: Pick<NoticeReminder, 'noticeId' | 'orgUnitId' | 'chinaDate' | 'remindedBy' | 'remindedCount'>,
    now: Date,
  ): Promise<void> {
    await this.receipts.manager.getRepository(NoticeReminder).insert({ ...reminder, createdAt: now });
  }

  // The person's own notices ------------------------------------------------------------------

  /** The person's receipts of published notices, newest first, with each notice and its scope. */
  findMinePage(filter: MyNoticePageFilter): Promise<NoticeReceipt[]> {
    const query = this.mine(filter.userId);
    if (filter.unacknowledgedOnly) {
      query.andWhere('notice.acknowledgement_required = 1').andWhere('receipt.acknowledged_at IS NULL');
    }
    if (filter.beforeId !== null) query.andWhere('receipt.id < :beforeId', { beforeId: filter.beforeId });
    return query.orderBy('receipt.id', 'DESC').limit(filter.take).getMany();
  }

  /** The person's receipt of a published notice, with the notice and its scope. */
  findMine(userId: number, noticeId: number): Promise<NoticeReceipt | null> {
    return this.mine(userId).andWhere('receipt.notice_id = :noticeId', { noticeId }).getOne();
  }

  async countMine(userId: number): Promise<{ unread: number; unacknowledged: number }> {
    const row = await this.receipts
      .createQueryBuilder('receipt')
      .innerJoin('receipt.notice', 'notice')
      .select('SUM(CASE WHEN receipt.read_at IS NULL THEN 1 ELSE 0 END)', 'unread')
      .addSelect(
        'SUM(CASE WHEN notice.acknowledgement_required = 1 AND receipt.acknowledged_at IS NULL THEN 1 ELSE 0 END)',
        'unacknowledged',
      )
      .where('receipt.user_id = :userId', { userId })
      .andWhere('notice.state = :published', { published: NoticeState.Published })
      .getRawOne<{ unread: string | number | null; unacknowledged: string | number | null }>();
    return { unread: Number(row?.unread ?? 0), unacknowledged: Number(row?.unacknowledged ?? 0) };
  }

  /** The first reading stands. */
  async markRead(manager: EntityManager, receiptId: number, at: Date): Promise<void> {
    await manager.getRepository(NoticeReceipt).update({ id: receiptId, readAt: IsNull() }, { readAt: at });
  }

  /** 已阅知 (and read, if it was not): the first acknowledgement stands. */
  async markAcknowledged(manager: EntityManager, receiptId: number, at: Date): Promise<void> {
    await this.markRead(manager, receiptId, at);
    await manager
      .getRepository(NoticeReceipt)
      .update({ id: receiptId, acknowledgedAt: IsNull() }, { acknowledgedAt: at });
  }

  findById(manager: EntityManager, receiptId: number): Promise<NoticeReceipt | null> {
    return manager.getRepository(NoticeReceipt).findOneBy({ id: receiptId });
  }

  private mine(userId: number) {
    return this.receipts
      .createQueryBuilder('receipt')
      .innerJoinAndSelect('receipt.notice', 'notice')
      .innerJoinAndSelect('notice.scope', 'scope')
      .where('receipt.user_id = :userId', { userId })
      .andWhere('notice.state = :published', { published: NoticeState.Published });
  }
}

/**
 * The id of the child of a node (whose path is `nodeLength` characters long) that the reached node
 * lies under, as text; '' for the node itself. SUBSTR and INSTR read alike on MariaDB and SQLite;
 * the CASE keeps SQLite's negative-length SUBSTR (which reads backwards) out of it. Only a number is
 * spliced in.
 */
function childIdExpression(nodeLength: number): string {
  const start = Math.trunc(nodeLength) + 1;
  return (
    `CASE WHEN reached.path = :nodePath THEN '' ELSE ` +
    `SUBSTR(reached.path, ${start}, INSTR(SUBSTR(reached.path, ${start}), '/') - 1) END`
  );
}
