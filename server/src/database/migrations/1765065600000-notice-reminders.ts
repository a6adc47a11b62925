import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableUnique } from 'typeorm';
import { idColumn, timestampColumn } from './portable-columns';

/**
 * What the notices API stores beside the notice: the once-a-day guard of 催办 per notice and node,
 * and the client key each draft was created with (a retried 保存 finds the first draft).
 */
export class NoticeReminders1765065600000 implements MigrationInterface {
  name = 'NoticeReminders1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notice_reminder',
        columns: [
          idColumn(),
          { name: 'notice_id', type: 'integer' },
          { name: 'org_unit_id', type: 'integer' },
          { name: 'china_date', type: 'varchar', length: '10' },
          { name: 'reminded_by', type: 'integer', isNullable: true },
          { name: 'reminded_count', type: 'integer' },
          timestampColumn('created_at'),
        ],
        uniques: [
          new TableUnique({
            name: 'UQ_notice_reminder_notice_node_day',
            columnNames: ['notice_id', 'org_unit_id', 'china_date'],
          }),
        ],
        foreignKeys: [
          foreignKey('FK_notice_reminder_notice', 'notice_id', 'notice', 'CASCADE'),
          foreignKey('FK_notice_reminder_org_unit', 'org_unit_id', 'org_unit', 'CASCADE'),
          foreignKey('FK_notice_reminder_user', 'reminded_by', 'user', 'SET NULL'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notice_client_key',
        columns: [
          idColumn(),
          { name: 'client_key', type: 'varchar', length: '36' },
          { name: 'notice_id', type: 'integer' },
          { name: 'author_user_id', type: 'integer', isNullable: true },
          timestampColumn('created_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_notice_client_key_key', columnNames: ['client_key'] }),
          new TableUnique({ name: 'UQ_notice_client_key_notice', columnNames: ['notice_id'] }),
        ],
        foreignKeys: [
          foreignKey('FK_notice_client_key_notice', 'notice_id', 'notice', 'CASCADE'),
          foreignKey('FK_notice_client_key_author', 'author_user_id', 'user', 'SET NULL'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notice_client_key');
    await queryRunner.dropTable('notice_reminder');
  }
}

function foreignKey(
  name: string,
  column: string,
  referencedTable: string,
  onDelete: 'CASCADE' | 'SET NULL',
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
