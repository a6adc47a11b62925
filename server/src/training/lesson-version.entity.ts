import { LessonTopic } from '@ankang/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';
import { Lesson } from './lesson.entity';

/**
 * One version of a lesson's content. A draft's version changes in place; once published it never
 * changes again. Lists (groups, industries, image ids, questions with their answers) are JSON.
 */
@Entity('lesson_version')
@Unique('UQ_lesson_version_lesson_version', ['lessonId', 'version'])
export class LessonVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'lesson_id', type: 'int' })
  lessonId: number;

  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'FK_lesson_version_lesson' })
  lesson?: Relation<Lesson>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'simple-enum', enum: LessonTopic })
  topic: LessonTopic;

  /** Sanitised HTML. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ name: 'image_ids', type: 'text' })
  imageIds: string;

  @Column({ name: 'video_url', type: 'varchar', length: 500, nullable: true })
  videoUrl: string | null;

  @Column({ name: 'duration_seconds', type: 'int' })
  durationSeconds: number;

  /** JSON array of WorkerGroup; empty: everyone. */
  @Column({ name: 'worker_groups', type: 'varchar', length: 200 })
  workerGroups: string;

  /** JSON array of Industry; empty: every industry. */
  @Column({ type: 'varchar', length: 400 })
  industries: string;

  @Column({ name: 'pass_mark', type: 'int' })
  passMark: number;

  /** JSON array of AuthoredQuestion: the answers are here and never leave for a worker. */
  @Column({ type: 'text' })
  questions: string;

  @Column(timestampColumn({ name: 'published_at', nullable: true }))
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_lesson_version_creator' })
  creator?: Relation<User> | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
