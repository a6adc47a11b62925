import { ShiftClearance } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';

/**
 * 班前打卡: a worker's health declaration for one China day, once a day. The symptom details are
 * sensitive (PIPL): only the worker and their enterprise's officers see them, and after 30 days they
 * are reduced to the clearance alone (the columns set to null).
 */
@Entity('check_in')
@Unique('UQ_check_in_user_day', ['userId', 'day'])
@Unique('UQ_check_in_user_client_key', ['userId', 'clientKey'])
@Index('IDX_check_in_workplace_day', ['workplaceId', 'day'])
@Index('IDX_check_in_enterprise_day', ['enterpriseId', 'day'])
// The daily PIPL reduction finds the check-ins still holding details, oldest days first.
@Index('IDX_check_in_reduction', ['declarationReducedAt', 'day'])
export class CheckIn {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_check_in_user' })
  user?: Relation<User>;

  @Column({ name: 'enterprise_id', type: 'int' })
  enterpriseId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_check_in_enterprise' })
  enterprise?: Relation<OrgUnit>;

  @Column({ name: 'workplace_id', type: 'int' })
  workplaceId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workplace_id', foreignKeyConstraintName: 'FK_check_in_workplace' })
  workplace?: Relation<OrgUnit>;

  /** China date `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ name: 'client_key', type: 'varchar', length: 36 })
  clientKey: string;

  @Column({ type: 'boolean', nullable: true })
  fever: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  cough: boolean | null;

  @Column({ name: 'feeling_unwell', type: 'boolean', nullable: true })
  feelingUnwell: boolean | null;

  @Column({ name: 'other_symptoms', type: 'varchar', length: 200, nullable: true })
  otherSymptoms: string | null;

  @Column({ type: 'double', nullable: true })
  temperature: number | null;

  @Column({ type: 'simple-enum', enum: ShiftClearance })
  clearance: ShiftClearance;

  @Column(timestampColumn({ name: 'cleared_at', nullable: true }))
  clearedAt: Date | null;

  /** The passed attempt that cleared the worker. */
  @Column({ name: 'passed_attempt_id', type: 'int', nullable: true })
  passedAttemptId: number | null;

  /** When the symptom details were reduced to the clearance alone (30 days on). */
  @Column(timestampColumn({ name: 'declaration_reduced_at', nullable: true }))
  declarationReducedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
