import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { enumColumn, idColumn, timestampColumn } from './portable-columns';

// Frozen copies of the enums as they were when this migration was written.
const NOTICE_KINDS = ['policy', 'warning', 'alert', 'training'];
const NOTICE_STATES = ['draft', 'scheduled', 'published', 'withdrawn'];
const FAN_OUT_STATES = ['pending', 'running', 'done'];

/** Safety notices and their per-recipient receipts. */
export class Notices1764979200000 implements MigrationInterface {
  name = 'Notices1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notice',
        columns: [
          idColumn(),
          { name: 'author_user_id', type: 'integer', isNullable: true },
          { name: 'scope_org_unit_id', type: 'integer' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'body_html', type: 'text' },
          enumColumn(queryRunner, 'kind', NOTICE_KINDS),
          { name: 'industries', type: 'varchar', length: '400' },
          { name: 'worker_groups', type: 'varchar', length: '200' },
          { name: 'roles', type: 'varchar', length: '100' },
          { name: 'acknowledgement_required', type: 'boolean' },
          enumColumn(queryRunner, 'state', NOTICE_STATES),
          timestampColumn('publish_at', true),
          timestampColumn('published_at', true),
          timestampColumn('withdrawn_at', true),
          enumColumn(queryRunner, 'fan_out_state', FAN_OUT_STATES),
          { name: 'fan_out_cursor', type: 'integer' },
          { name: 'recipient_count', type: 'integer' },
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_notice_state_publish_at', columnNames: ['state', 'publish_at'] }),
          new TableIndex({ name: 'IDX_notice_scope', columnNames: ['scope_org_unit_id'] }),
          new TableIndex({ name: 'IDX_notice_fan_out', columnNames: ['fan_out_state'] }),
        ],
        foreignKeys: [
          foreignKey('FK_notice_author', 'author_user_id', 'user', 'SET NULL'),
          foreignKey('FK_notice_scope', 'scope_org_unit_id', 'org_unit', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notice_receipt',
        columns: [
          idColumn(),
          { name: 'notice_id', type: 'integer' },
          { name: 'user_id', type: 'integer' },
          { name: 'enterprise_id', type: 'integer', isNullable: true },
          timestampColumn('delivered_at'),
          timestampColumn('read_at', true),
          timestampColumn('acknowledged_at', true),
          { name: 'reminded_on', type: 'varchar', length: '10', isNullable: true },
        ],
        uniques: [new TableUnique({ name: 'UQ_notice_receipt_notice_user', columnNames: ['notice_id', 'user_id'] })],
        indices: [
          new TableIndex({ name: 'IDX_notice_receipt_user', columnNames: ['user_id', 'notice_id'] }),
          new TableIndex({ name: 'IDX_notice_receipt_notice_enterprise', columnNames: ['notice_id', 'enterprise_id'] }),
        ],
        foreignKeys: [
          foreignKey('FK_notice_receipt_notice', 'notice_id', 'notice', 'CASCADE'),
          foreignKey('FK_notice_receipt_user', 'user_id', 'user', 'CASCADE'),
          foreignKey('FK_notice_receipt_org_unit', 'enterprise_id', 'org_unit', 'SET NULL'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notice_receipt');
    await queryRunner.dropTable('notice');
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
