import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  TableUnique,
} from 'typeorm';
import { enumColumn, idColumn, timestampColumn } from './portable-columns';

// Frozen copies of the enums as they were when this migration was written.
const BINDING_MODES = ['automatic', 'approval'];
const BINDING_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'];
const WORKER_GROUPS = ['new_hire', 'special_operations', 'outsourced', 'high_risk', 'non_routine'];

/**
 * The union's tree grows grids, coordinates and binding modes; people grow employee numbers, worker
 * groups and enterprise bindings; workplaces get a cache of their WeChat codes.
 */
export class OrgTreeAndProfiles1764547200000 implements MigrationInterface {
  name = 'OrgTreeAndProfiles1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'grid',
        columns: [
          idColumn(),
          { name: 'union_id', type: 'integer' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'officer_user_id', type: 'integer', isNullable: true },
          timestampColumn('archived_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_grid_union_name', columnNames: ['union_id', 'name'] })],
        indices: [new TableIndex({ name: 'IDX_grid_officer', columnNames: ['officer_user_id'] })],
        foreignKeys: [
          foreignKey('FK_grid_union', 'union_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_grid_officer', 'officer_user_id', 'user', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.addColumns('org_unit', [
      new TableColumn({ name: 'latitude', type: 'double', isNullable: true }),
      new TableColumn({ name: 'longitude', type: 'double', isNullable: true }),
      new TableColumn(enumColumn(queryRunner, 'binding_mode', BINDING_MODES, true)),
      new TableColumn({ name: 'grid_id', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.createForeignKey('org_unit', foreignKey('FK_org_unit_grid', 'grid_id', 'grid', 'SET NULL'));
    await queryRunner.dropIndex('org_unit', 'IDX_org_unit_path');
    await queryRunner.createIndices('org_unit', [
      new TableIndex({ name: 'UQ_org_unit_path', columnNames: ['path'], isUnique: true }),
      new TableIndex({ name: 'IDX_org_unit_kind_path', columnNames: ['kind', 'path'] }),
      new TableIndex({ name: 'IDX_org_unit_grid', columnNames: ['grid_id'] }),
    ]);

    await queryRunner.addColumn(
      'user',
      new TableColumn({ name: 'employee_number', type: 'varchar', length: '32', isNullable: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'user_worker_group',
        columns: [
          { name: 'user_id', type: 'integer', isPrimary: true },
          { ...enumColumn(queryRunner, 'worker_group', WORKER_GROUPS), isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'IDX_user_worker_group_group', columnNames: ['worker_group'] })],
        foreignKeys: [foreignKey('FK_user_worker_group_user', 'user_id', 'user', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'enterprise_binding',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'enterprise_id', type: 'integer' },
          { name: 'workplace_id', type: 'integer' },
          enumColumn(queryRunner, 'status', BINDING_STATUSES),
          { name: 'client_key', type: 'varchar', length: '36' },
          { name: 'reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'decided_by', type: 'integer', isNullable: true },
          timestampColumn('decided_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_enterprise_binding_user_client_key', columnNames: ['user_id', 'client_key'] }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_enterprise_binding_enterprise_status',
            columnNames: ['enterprise_id', 'status'],
          }),
          new TableIndex({ name: 'IDX_enterprise_binding_user_status', columnNames: ['user_id', 'status'] }),
        ],
        foreignKeys: [
          foreignKey('FK_enterprise_binding_user', 'user_id', 'user', 'CASCADE'),
          foreignKey('FK_enterprise_binding_enterprise', 'enterprise_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_enterprise_binding_workplace', 'workplace_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_enterprise_binding_decider', 'decided_by', 'user', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'workplace_qr_code',
        columns: [
          idColumn(),
          { name: 'workplace_id', type: 'integer' },
          { name: 'cache_key', type: 'varchar', length: '64' },
          { name: 'content_type', type: 'varchar', length: '64' },
          { name: 'storage_key', type: 'varchar', length: '255' },
          timestampColumn('created_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_workplace_qr_code_key', columnNames: ['workplace_id', 'cache_key'] })],
        foreignKeys: [foreignKey('FK_workplace_qr_code_workplace', 'workplace_id', 'org_unit', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('workplace_qr_code');
    await queryRunner.dropTable('enterprise_binding');
    await queryRunner.dropTable('user_worker_group');
    await queryRunner.dropColumn('user', 'employee_number');
    // MySQL refuses to drop an index a foreign key still uses.
    await queryRunner.dropForeignKey('org_unit', 'FK_org_unit_grid');
    await queryRunner.dropIndex('org_unit', 'IDX_org_unit_grid');
    await queryRunner.dropIndex('org_unit', 'IDX_org_unit_kind_path');
    await queryRunner.dropIndex('org_unit', 'UQ_org_unit_path');
    await queryRunner.createIndex('org_unit', new TableIndex({ name: 'IDX_org_unit_path', columnNames: ['path'] }));
    await queryRunner.dropColumns('org_unit', ['grid_id', 'binding_mode', 'longitude', 'latitude']);
    await queryRunner.dropTable('grid');
  }
}

function foreignKey(
  name: string,
  column: string,
  referencedTable: string,
  onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL',
): TableForeignKey {
  return new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: referencedTable,
    referencedColumnNames: ['id'],
    onDelete,
    onUpdate: 'NO ACTION',
  });
}
