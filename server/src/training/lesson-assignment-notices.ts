import { InboxMessageKind } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { InboxService } from '../inbox/inbox.service';
import type { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';
import type { LessonAssignment } from './lesson-assignment.entity';

/** Workers told per transaction: a county's thousands go in short batches, never one long transaction. */
const BATCH_SIZE = 500;
/** The 培训 tab, where required lessons are listed. */
export const TRAINING_PAGE = '/pages/training/index';

/**
 * Tells the workers under an assigned node that a lesson is now required of them, by its date. One
 * message per worker and due date (the dedupe key), so assigning again with a new date tells them
 * again, and a retry or a second server never tells anyone twice.
 */
@Injectable()
export class LessonAssignmentNotices {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly inbox: InboxService,
  ) {}

  async tellWorkers(assignment: LessonAssignment, node: OrgUnit, title: string): Promise<number> {
    let told = 0;
    let afterId = 0;
    for (;;) {
      const workerIds = await this.findActiveWorkerIdsWithin(node.path, afterId, BATCH_SIZE);
      if (workerIds.length === 0) return told;
      told += await this.users.manager.transaction((manager) =>
        this.inbox.deliver(
          workerIds.map((userId) => ({
            userId,
            kind: InboxMessageKind.LessonAssigned,
            title: `必修课：${title}`,
            body: `${node.name}要求在 ${assignment.dueOn} 前完成课程「${title}」，请到「培训」页学习并通过测验。`,
            link: TRAINING_PAGE,
            dedupeKey: `lesson-assignment:${assignment.id}:${assignment.dueOn}:${userId}`,
          })),
          manager,
        ),
      );
      afterId = workerIds[workerIds.length - 1];
      if (workerIds.length < BATCH_SIZE) return told;
    }
  }

  /** Active people bound to an enterprise under the node at `path`, in id order after `afterId`. */
  private async findActiveWorkerIdsWithin(path: string, afterId: number, take: number): Promise<number[]> {
    const rows = await this.users
      .createQueryBuilder('person')
      .select('person.id', 'id')
      .innerJoin('org_unit', 'enterprise', 'enterprise.id = person.enterprise_id')
      .where('enterprise.path LIKE :prefix', { prefix: `${path}%` })
      .andWhere('enterprise.archived_at IS NULL')
      .andWhere('person.disabledAt IS NULL')
      .andWhere('person.id > :afterId', { afterId })
      .orderBy('person.id', 'ASC')
      .limit(take)
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }
}
