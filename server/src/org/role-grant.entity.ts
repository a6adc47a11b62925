import { Role } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';
import { OrgUnit } from './org-unit.entity';

/** A user holds a role at a node of the org tree; their scope is that node's subtree. */
@Entity('role_grant')
@Unique('UQ_role_grant_user_role_org', ['userId', 'role', 'orgUnitId'])
@Index('IDX_role_grant_org_unit', ['orgUnitId'])
export class RoleGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_role_grant_user' })
  user?: Relation<User>;

  @Column({ type: 'simple-enum', enum: Role })
  role: Role;

  @Column({ name: 'org_unit_id', type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'FK_role_grant_org_unit' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ name: 'granted_by', type: 'int', nullable: true })
  grantedBy: number | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
