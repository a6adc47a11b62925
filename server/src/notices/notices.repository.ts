import {
  type Industry,
  NoticeFanOutState,
  type NoticeKind,
  NoticeState,
  type Role,
  type WorkerGroup,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { ScopeCondition } from '../access/scope';
import { lockedForWrite } from '../org/row-locks';
import { Notice } from './notice.entity';
import { NoticeClientKey } from './notice-client-key.entity';

/** A notice's content and audience as they are stored (the body sanitised, lists without repeats). */
export interface NoticeContent {
  scopeOrgUnitId: number;
  title: string;
  bodyHtml: string;
  kind: NoticeKind;
  industries: Industry[];
  workerGroups: WorkerGroup[];
  roles: Role[];
  acknowledgementRequired: boolean;
  publishAt: Date | null;
}

/** Which notices an editor's list covers, newest first, paged on the id. */
export interface NoticePageFilter {
  scopePaths: ScopeCondition;
  state?: NoticeState;
  beforeId: number | null;
  take: number;
}

function contentColumns(content: NoticeContent) {
  return {
    scopeOrgUnitId: content.scopeOrgUnitId,
    title: content.title,
    bodyHtml: content.bodyHtml,
    kind: content.kind,
    industries: JSON.stringify(content.industries),
    workerGroups: JSON.stringify(content.workerGroups),
    roles: JSON.stringify(content.roles),
    acknowledgementRequired: content.acknowledgementRequired,
    publishAt: content.publishAt,
  };
}

/** Notices as their authors write, publish and withdraw them; and the drafts' client keys. */
@Injectable()
export class NoticesRepository {
  constructor(@InjectRepository(Notice) private readonly notices: Repository<Notice>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.notices.manager.transaction(work);
  }

  /** The notice with its scope node and its author. */
  findByIdWithScope(id: number): Promise<Notice | null> {
    return this.notices.findOne({ where: { id }, relations: { scope: true, author: true } });
  }

  /** The notice, its row locked until the transaction ends: edits, publication and withdrawal take turns. */
  lockById(manager: EntityManager, id: number): Promise<Notice | null> {
    return lockedForWrite(
      manager.getRepository(Notice).createQueryBuilder('notice').where('notice.id = :id', { id }),
    ).getOne();
  }

  findClientKey(clientKey: string): Promise<NoticeClientKey | null> {
    return this.notices.manager.getRepository(NoticeClientKey).findOneBy({ clientKey });
  }

  /** A draft and the client key it was made with, in the caller's transaction. Returns the notice's id. */
  async insertDraft(
    manager: EntityManager,
    draft: { content: NoticeContent; authorUserId: number; clientKey: string },
    now: Date,
  ): Promise<number> {
    const inserted = await manager.getRepository(Notice).insert({
      authorUserId: draft.authorUserId,
      ...contentColumns(draft.content),
      state: NoticeState.Draft,
      publishedAt: null,
      withdrawnAt: null,
      fanOutState: NoticeFanOutState.Pending,
      fanOutCursor: 0,
      recipientCount: 0,
      createdAt: now,
      updatedAt: now,
    });
    const noticeId = Number(inserted.identifiers[0].id);
    await manager.getRepository(NoticeClientKey).insert({
      clientKey: draft.clientKey,
      noticeId,
      authorUserId: draft.authorUserId,
      createdAt: now,
    });
    return noticeId;
  }

  async updateContent(
    manager: EntityManager,
    id: number,
    change: { content: NoticeContent; state: NoticeState; recipientCount: number },
    now: Date,
  ): Promise<void> {
    await manager.getRepository(Notice).update(
      { id },
      {
        ...contentColumns(change.content),
        state: change.state,
        recipientCount: change.recipientCount,
        updatedAt: now,
      },
    );
  }

  async markScheduled(manager: EntityManager, id: number, recipientCount: number, now: Date): Promise<void> {
    await manager
      .getRepository(Notice)
      .update({ id }, { state: NoticeState.Scheduled, recipientCount, updatedAt: now });
  }

  /** Published now: the background fan-out starts from the first recipient. */
  async markPublished(manager: EntityManager, id: number, recipientCount: number, now: Date): Promise<void> {
    await manager.getRepository(Notice).update(
      { id },
      {
        state: NoticeState.Published,
        publishedAt: now,
        fanOutState: NoticeFanOutState.Pending,
        fanOutCursor: 0,
        recipientCount,
        updatedAt: now,
      },
    );
  }

  async markWithdrawn(manager: EntityManager, id: number, now: Date): Promise<void> {
    await manager
      .getRepository(Notice)
      .update({ id }, { state: NoticeState.Withdrawn, withdrawnAt: now, updatedAt: now });
  }

  /** Editors' list: notices scoped within the caller's subtrees, newest first. */
  findPage(filter: NoticePageFilter): Promise<Notice[]> {
    const query = this.notices
      .createQueryBuilder('notice')
      .innerJoinAndSelect('notice.scope', 'scope')
      .leftJoinAndSelect('notice.author', 'author')
      .where(filter.scopePaths.where, filter.scopePaths.parameters);
    if (filter.state !== undefined) query.andWhere('notice.state = :state', { state: filter.state });
    if (filter.beforeId !== null) query.andWhere('notice.id < :beforeId', { beforeId: filter.beforeId });
    return query.orderBy('notice.id', 'DESC').limit(filter.take).getMany();
  }
}
