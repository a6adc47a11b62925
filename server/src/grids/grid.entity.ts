import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';

/** 网格化管理: a group of workplaces under a union node, with a responsible grid officer. */
@Entity('grid')
@Unique('UQ_grid_union_name', ['unionId', 'name'])
@Index('IDX_grid_officer', ['officerUserId'])
export class Grid {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'union_id', type: 'int' })
  unionId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'union_id', foreignKeyConstraintName: 'FK_grid_union' })
  union?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'officer_user_id', type: 'int', nullable: true })
  officerUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'officer_user_id', foreignKeyConstraintName: 'FK_grid_officer' })
  officer?: Relation<User> | null;

  @Column(timestampColumn({ name: 'archived_at', nullable: true }))
  archivedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
