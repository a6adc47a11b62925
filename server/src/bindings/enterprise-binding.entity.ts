import { BindingStatus } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';

/**
 * A worker's 「我在这里工作」 from a workplace's landing page. Approved at once when the enterprise
 * binds automatically, otherwise by one of its officers. The client key makes a retried request
 * return the same row.
 */
@Entity('enterprise_binding')
@Unique('UQ_enterprise_binding_user_client_key', ['userId', 'clientKey'])
@Index('IDX_enterprise_binding_enterprise_status', ['enterpriseId', 'status'])
@Index('IDX_enterprise_binding_user_status', ['userId', 'status'])
export class EnterpriseBinding {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_enterprise_binding_user' })
  user?: Relation<User>;

  @Column({ name: 'enterprise_id', type: 'int' })
  enterpriseId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_enterprise_binding_enterprise' })
  enterprise?: Relation<OrgUnit>;

  @Column({ name: 'workplace_id', type: 'int' })
  workplaceId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workplace_id', foreignKeyConstraintName: 'FK_enterprise_binding_workplace' })
  workplace?: Relation<OrgUnit>;

  @Column({ type: 'simple-enum', enum: BindingStatus })
  status: BindingStatus;

  @Column({ name: 'client_key', type: 'varchar', length: 36 })
  clientKey: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'FK_enterprise_binding_decider' })
  decider?: Relation<User> | null;

  @Column(timestampColumn({ name: 'decided_at', nullable: true }))
  decidedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
