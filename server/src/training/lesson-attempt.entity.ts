import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { CheckIn } from '../check-ins/check-in.entity';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';
import { Lesson } from './lesson.entity';
import { LessonVersion } from './lesson-version.entity';

/**
 * A worker studying a lesson: opened (the clock for anti-skim starts), then submitted once with
 * its answers, scored on the server. A submitted attempt is a completion: it keeps the version,
 * the answers, the score, pass or fail and the time spent.
 */
@Entity('lesson_attempt')
@Unique('UQ_lesson_attempt_user_client_key', ['userId', 'clientKey'])
@Index('IDX_lesson_attempt_user_lesson', ['userId', 'lessonId', 'submittedAt'])
@Index('IDX_lesson_attempt_check_in', ['checkInId'])
export class LessonAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_lesson_attempt_user' })
  user?: Relation<User>;

  @Column({ name: 'lesson_id', type: 'int' })
  lessonId: number;

  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'FK_lesson_attempt_lesson' })
  lesson?: Relation<Lesson>;

  @Column({ name: 'lesson_version_id', type: 'int' })
  lessonVersionId: number;

  @ManyToOne(() => LessonVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_version_id', foreignKeyConstraintName: 'FK_lesson_attempt_version' })
  lessonVersion?: Relation<LessonVersion>;

  @Column({ name: 'check_in_id', type: 'int', nullable: true })
  checkInId: number | null;

  @ManyToOne(() => CheckIn, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'check_in_id', foreignKeyConstraintName: 'FK_lesson_attempt_check_in' })
  checkIn?: Relation<CheckIn> | null;

  @Column(timestampColumn({ name: 'opened_at' }))
  openedAt: Date;

  @Column(timestampColumn({ name: 'submitted_at', nullable: true }))
  submittedAt: Date | null;

  /** Set on submission: the same key again returns this attempt's result. */
  @Column({ name: 'client_key', type: 'varchar', length: 36, nullable: true })
  clientKey: string | null;

  /** JSON: option ids per question id. */
  @Column({ type: 'text', nullable: true })
  answers: string | null;

  /** JSON: per-question score and correctness (spaced repetition reads the wrong ones). */
  @Column({ type: 'text', nullable: true })
  results: string | null;

  /** Percent, 0–100. */
  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ name: 'time_spent_seconds', type: 'int', nullable: true })
  timeSpentSeconds: number | null;
}
