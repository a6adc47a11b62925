import { NoticeFanOutState, NoticeState } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { claimSkippingLocked } from '../database/job-claims';
import { OrgUnit } from '../org/org-unit.entity';
import { Notice } from './notice.entity';
import { NoticeReceipt } from './notice-receipt.entity';

/** One receipt the fan-out writes. */
export interface NewNoticeReceipt {
  userId: number;
  enterpriseId: number | null;
}

/** The notice rows the fan-out engine reads and moves forward. */
@Injectable()
export class NoticeFanOutRepository {
  constructor(@InjectRepository(Notice) private readonly notices: Repository<Notice>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.notices.manager.transaction(work);
  }

  /**
   * Scheduled notices whose time has come become published, their fan-out pending (the recipient
   * count stays the audience count taken when it was scheduled). One statement: servers never both do it.
   */
  async publishScheduled(now: Date): Promise<number> {
    const result = await this.notices
      .createQueryBuilder()
      .update()
      .set({
        state: NoticeState.Published,
        publishedAt: now,
        fanOutState: NoticeFanOutState.Pending,
        fanOutCursor: 0,
        updatedAt: now,
      })
      .where('state = :state AND publish_at <= :now', { state: NoticeState.Scheduled, now })
      .execute();
    return result.affected ?? 0;
  }

  /** Published notices whose fan-out has not finished, oldest first: a plain read that locks nothing. */
  async findFanOutCandidateIds(manager: EntityManager, limit: number): Promise<number[]> {
    const rows = await manager
      .getRepository(Notice)
      .createQueryBuilder('notice')
      .select('notice.id', 'id')
      .where('notice.fanOutState IN (:...fanOutStates)', {
        fanOutStates: [NoticeFanOutState.Pending, NoticeFanOutState.Running],
      })
      .andWhere('notice.state = :state', { state: NoticeState.Published })
      .orderBy('notice.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Claims one of these notices for this transaction, passing over those another server holds
   * (`FOR UPDATE SKIP LOCKED`), by primary key. The caller checks the locked row's state.
   */
  async lockOne(manager: EntityManager, ids: readonly number[]): Promise<Notice | null> {
    if (ids.length === 0) return null;
    const [notice] = await claimSkippingLocked(
      manager
        .getRepository(Notice)
        .createQueryBuilder('notice')
        .where('notice.id IN (:...ids)', { ids })
        .orderBy('notice.id', 'ASC')
        .limit(1),
    ).getMany();
    return notice ?? null;
  }

  findUnit(manager: EntityManager, id: number): Promise<OrgUnit | null> {
    return manager.getRepository(OrgUnit).findOneBy({ id });
  }

  /** Receipts for these people, each once (a repeated batch writes nothing twice). */
  async insertReceipts(
    manager: EntityManager,
    noticeId: number,
    receipts: readonly NewNoticeReceipt[],
    now: Date,
  ): Promise<void> {
    if (receipts.length === 0) return;
    await manager
      .getRepository(NoticeReceipt)
      .createQueryBuilder()
      .insert()
      .values(
        receipts.map((receipt) => ({
          noticeId,
          userId: receipt.userId,
          enterpriseId: receipt.enterpriseId,
          deliveredAt: now,
          readAt: null,
          acknowledgedAt: null,
          remindedOn: null,
        })),
      )
      .orIgnore()
      .execute();
  }

  /**
   * Moves the locked notice's fan-out on past `cursor`; done when the audience is walked. While it
   * runs, the recipient count stays the audience counted at publishing (staff watch 送达 n/N climb
   * to it); when done it becomes the receipts actually written (people may have joined or left since).
   */
  async advance(
    manager: EntityManager,
    notice: Pick<Notice, 'id' | 'fanOutState'>,
    progress: { cursor: number; done: boolean },
    now: Date,
  ): Promise<void> {
    const noticeId = Math.trunc(notice.id);
    await manager
      .getRepository(Notice)
      .createQueryBuilder()
      .update()
      .set({
        fanOutCursor: progress.cursor,
        ...(progress.done
          ? { recipientCount: () => `(SELECT COUNT(*) FROM notice_receipt WHERE notice_id = ${noticeId})` }
          : {}),
        fanOutState: progress.done ? NoticeFanOutState.Done : NoticeFanOutState.Running,
        updatedAt: now,
      })
      .where('id = :id', { id: notice.id })
      .execute();
  }
}
