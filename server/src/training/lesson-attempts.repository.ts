import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository, type SelectQueryBuilder } from 'typeorm';
import { lockedForWrite } from '../org/row-locks';
import { LessonAttempt } from './lesson-attempt.entity';

/** What a submission writes onto its attempt. */
export type Submission = Pick<
  LessonAttempt,
  'submittedAt' | 'clientKey' | 'answers' | 'results' | 'score' | 'passed' | 'timeSpentSeconds'
>;

/** A worker's attempts: opened, submitted once, and read back for their lessons and refreshers. */
@Injectable()
export class LessonAttemptsRepository {
  constructor(@InjectRepository(LessonAttempt) private readonly attempts: Repository<LessonAttempt>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.attempts.manager.transaction(work);
  }

  async insertOpened(
    attempt: Pick<LessonAttempt, 'userId' | 'lessonId' | 'lessonVersionId' | 'checkInId' | 'openedAt'>,
  ): Promise<LessonAttempt> {
    const row = {
      ...attempt,
      submittedAt: null,
      clientKey: null,
      answers: null,
      results: null,
      score: null,
      passed: null,
      timeSpentSeconds: null,
    };
    const inserted = await this.attempts.insert(row);
    // Built from what was written: no second read on the worker's path at shift change.
    return Object.assign(new LessonAttempt(), row, { id: Number(inserted.identifiers[0].id) });
  }

  /** The person's own attempt; anyone else's is not found. */
  findOwned(userId: number, id: number): Promise<LessonAttempt | null> {
    return this.attempts.findOneBy({ id, userId });
  }

  findByClientKey(userId: number, clientKey: string): Promise<LessonAttempt | null> {
    return this.attempts.findOneBy({ userId, clientKey });
  }

  /** The attempt, locked until the transaction ends: two submissions of it take turns. */
  lockById(manager: EntityManager, id: number): Promise<LessonAttempt | null> {
    return lockedForWrite(
      manager.getRepository(LessonAttempt).createQueryBuilder('attempt').where('attempt.id = :id', { id }),
    ).getOne();
  }

  /** Writes the submission unless one is already there; true when it was written. */
  async markSubmitted(manager: EntityManager, id: number, submission: Submission): Promise<boolean> {
    const result = await manager.getRepository(LessonAttempt).update({ id, submittedAt: IsNull() }, submission);
    return (result.affected ?? 0) > 0;
  }

  /** Per lesson, the person's latest submitted attempt (passed or not). */
  findLatestSubmittedPerLesson(userId: number): Promise<LessonAttempt[]> {
    return this.latestPerLesson(userId, false).getMany();
  }

  /** Per lesson, the person's latest passed attempt: the lessons they have completed. */
  findLatestPassedPerLesson(userId: number): Promise<LessonAttempt[]> {
    return this.latestPerLesson(userId, true).getMany();
  }

  /**
   * One row per lesson: the attempt no later submission of the same lesson follows. Walks
   * IDX_lesson_attempt_user_lesson for the person and each of their lessons.
   */
  private latestPerLesson(userId: number, passedOnly: boolean): SelectQueryBuilder<LessonAttempt> {
    // Booleans are stored as 1/0 on both databases.
    const passed = passedOnly ? ' AND later.passed = 1' : '';
    const query = this.attempts
      .createQueryBuilder('attempt')
      .select([
        'attempt.id',
        'attempt.lessonId',
        'attempt.lessonVersionId',
        'attempt.submittedAt',
        'attempt.passed',
        'attempt.score',
        'attempt.results',
      ])
      .where('attempt.userId = :userId', { userId })
      .andWhere('attempt.submittedAt IS NOT NULL')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM lesson_attempt later WHERE later.user_id = attempt.user_id' +
          ' AND later.lesson_id = attempt.lesson_id AND later.submitted_at IS NOT NULL' +
          ` AND (later.submitted_at > attempt.submitted_at OR (later.submitted_at = attempt.submitted_at AND later.id > attempt.id))${passed})`,
      );
    if (passedOnly) query.andWhere('attempt.passed = 1');
    return query;
  }
}
