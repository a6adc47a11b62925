import { HazardCategory, HazardGrade, HazardState, Industry, ReporterVisibility } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';

/**
 * 隐患工单: one reported hazard, driven to a verified fix. The state moves only as the shared
 * transition table allows, with a conditional update on the state it came from; every change
 * appends a ticket_event.
 */
@Entity('hazard_ticket')
@Unique('UQ_hazard_ticket_code', ['code'])
@Unique('UQ_hazard_ticket_client_key', ['clientKey'])
@Unique('UQ_hazard_ticket_follow_token_hash', ['followTokenHash'])
// The officer's queue: an enterprise's tickets in one state, soonest deadline first.
@Index('IDX_hazard_ticket_queue', ['enterpriseId', 'state', 'dueAt', 'id'])
@Index('IDX_hazard_ticket_reporter', ['reporterUserId', 'id'])
@Index('IDX_hazard_ticket_workplace', ['workplaceId'])
@Index('IDX_hazard_ticket_responsible', ['responsibleUserId', 'state'])
// The deadline job: open tickets by due time.
@Index('IDX_hazard_ticket_state_due', ['state', 'dueAt'])
export class HazardTicket {
  @PrimaryGeneratedColumn()
  id: number;

  /** `HZ-<China date>-<number that day>`. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ name: 'client_key', type: 'varchar', length: 36 })
  clientKey: string;

  /** Null for an anonymous report: the reporter is not stored at all. */
  @Column({ name: 'reporter_user_id', type: 'int', nullable: true })
  reporterUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reporter_user_id', foreignKeyConstraintName: 'FK_hazard_ticket_reporter' })
  reporter?: Relation<User> | null;

  @Column({ name: 'reporter_visibility', type: 'simple-enum', enum: ReporterVisibility })
  reporterVisibility: ReporterVisibility;

  /** SHA-256 of the anonymous reporter's follow token; the token itself is never stored. */
  @Column({ name: 'follow_token_hash', type: 'varchar', length: 64, nullable: true })
  followTokenHash: string | null;

  @Column({ name: 'enterprise_id', type: 'int' })
  enterpriseId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_hazard_ticket_enterprise' })
  enterprise?: Relation<OrgUnit>;

  @Column({ name: 'workplace_id', type: 'int' })
  workplaceId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workplace_id', foreignKeyConstraintName: 'FK_hazard_ticket_workplace' })
  workplace?: Relation<OrgUnit>;

  @Column({ type: 'simple-enum', enum: Industry, nullable: true })
  industry: Industry | null;

  @Column({ type: 'simple-enum', enum: HazardCategory })
  category: HazardCategory;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ name: 'location_note', type: 'varchar', length: 100, nullable: true })
  locationNote: string | null;

  @Column({ type: 'simple-enum', enum: HazardState })
  state: HazardState;

  @Column({ type: 'simple-enum', enum: HazardGrade, nullable: true })
  grade: HazardGrade | null;

  /** 五定: 责任人. */
  @Column({ name: 'responsible_user_id', type: 'int', nullable: true })
  responsibleUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'responsible_user_id', foreignKeyConstraintName: 'FK_hazard_ticket_responsible' })
  responsible?: Relation<User> | null;

  /** 五定: 措施. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  measures: string | null;

  /** 五定: 资金. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  funding: string | null;

  /** 五定: 时限 — the end of the deadline's China calendar day. */
  @Column(timestampColumn({ name: 'due_at', nullable: true }))
  dueAt: Date | null;

  /** 五定: 预案 (required for 重大). */
  @Column({ name: 'contingency_plan', type: 'varchar', length: 1000, nullable: true })
  contingencyPlan: string | null;

  @Column({ name: 'duplicate_of_id', type: 'int', nullable: true })
  duplicateOfId: number | null;

  @ManyToOne(() => HazardTicket, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'duplicate_of_id', foreignKeyConstraintName: 'FK_hazard_ticket_duplicate_of' })
  duplicateOf?: Relation<HazardTicket> | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  /** Who submitted the fix (or fixed it on the spot): never the one who verifies it. */
  @Column({ name: 'rectified_by', type: 'int', nullable: true })
  rectifiedBy: number | null;

  @Column({ name: 'verified_by', type: 'int', nullable: true })
  verifiedBy: number | null;

  @Column(timestampColumn({ name: 'extension_due_at', nullable: true }))
  extensionDueAt: Date | null;

  @Column({ name: 'extension_reason', type: 'varchar', length: 500, nullable: true })
  extensionReason: string | null;

  @Column(timestampColumn({ name: 'extension_requested_at', nullable: true }))
  extensionRequestedAt: Date | null;

  @Column({ name: 'authority_department', type: 'varchar', length: 100, nullable: true })
  authorityDepartment: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'authority_reported_on', type: 'varchar', length: 10, nullable: true })
  authorityReportedOn: string | null;

  @Column({ name: 'authority_reference', type: 'varchar', length: 100, nullable: true })
  authorityReference: string | null;

  @Column(timestampColumn({ name: 'closed_at', nullable: true }))
  closedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
