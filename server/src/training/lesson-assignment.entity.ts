import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';
import { Lesson } from './lesson.entity';

/** A lesson made required for every worker of a subtree, by a date. */
@Entity('lesson_assignment')
@Index('IDX_lesson_assignment_org_unit', ['orgUnitId'])
@Index('IDX_lesson_assignment_lesson', ['lessonId'])
export class LessonAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'lesson_id', type: 'int' })
  lessonId: number;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'FK_lesson_assignment_lesson' })
  lesson?: Relation<Lesson>;

  @Column({ name: 'org_unit_id', type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'FK_lesson_assignment_org_unit' })
  orgUnit?: Relation<OrgUnit>;

  /** China date `YYYY-MM-DD`. */
  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn: string;

  @Column({ name: 'assigned_by', type: 'int', nullable: true })
  assignedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assigned_by', foreignKeyConstraintName: 'FK_lesson_assignment_assigner' })
  assigner?: Relation<User> | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
