import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { UserWorkerGroup } from './user-worker-group.entity';

/** A person. Workers arrive through WeChat (openid); seeded demo and staff accounts have a username. */
@Entity('user')
@Unique('UQ_user_openid', ['openId'])
@Unique('UQ_user_username', ['username'])
@Index('IDX_user_enterprise', ['enterpriseId'])
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'open_id', type: 'varchar', length: 64, nullable: true })
  openId: string | null;

  @Column({ name: 'union_id', type: 'varchar', length: 64, nullable: true })
  unionId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'employee_number', type: 'varchar', length: 32, nullable: true })
  employeeNumber: string | null;

  @OneToMany(
    () => UserWorkerGroup,
    (membership) => membership.user,
  )
  workerGroups?: Relation<UserWorkerGroup[]>;

  /** The enterprise the worker is bound to. */
  @Column({ name: 'enterprise_id', type: 'int', nullable: true })
  enterpriseId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_user_enterprise' })
  enterprise?: Relation<OrgUnit> | null;

  @Column(timestampColumn({ name: 'disabled_at', nullable: true }))
  disabledAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
