import { BindingMode, Industry, OrgKind } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { Grid } from '../grids/grid.entity';

/**
 * One node of the union's tree: a union, an enterprise or a workplace. `path` is the materialised
 * path of ids (`/1/7/42/`) so that a subtree is one indexed prefix query. A node is inserted with a
 * unique placeholder path and given its real one in the same transaction, once its id is known.
 */
@Entity('org_unit')
@Unique('UQ_org_unit_code', ['code'])
@Index('UQ_org_unit_path', ['path'], { unique: true })
// Subtree listings of one kind (all workplaces of a city) walk this index in tree order.
@Index('IDX_org_unit_kind_path', ['kind', 'path'])
@Index('IDX_org_unit_parent', ['parentId'])
@Index('IDX_org_unit_grid', ['gridId'])
export class OrgUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'simple-enum', enum: OrgKind })
  kind: OrgKind;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_org_unit_parent' })
  parent?: Relation<OrgUnit> | null;

  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Enterprises carry an industry; workplaces inherit their enterprise's. */
  @Column({ type: 'simple-enum', enum: Industry, nullable: true })
  industry: Industry | null;

  /** A workplace's public code: the QR code's scene is `w=<code>`. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address: string | null;

  @Column({ type: 'double', nullable: true })
  latitude: number | null;

  @Column({ type: 'double', nullable: true })
  longitude: number | null;

  /** Enterprises only. */
  @Column({ name: 'binding_mode', type: 'simple-enum', enum: BindingMode, nullable: true })
  bindingMode: BindingMode | null;

  /** Workplaces only. */
  @Column({ name: 'grid_id', type: 'int', nullable: true })
  gridId: number | null;

  @ManyToOne(() => Grid, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'grid_id', foreignKeyConstraintName: 'FK_org_unit_grid' })
  grid?: Relation<Grid> | null;

  @Column(timestampColumn({ name: 'archived_at', nullable: true }))
  archivedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
