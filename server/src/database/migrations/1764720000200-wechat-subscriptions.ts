import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { enumColumn, idColumn, timestampColumn } from './portable-columns';

// Frozen copy of the delivery statuses as they were when this migration was written.
const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'];

/** WeChat subscribe-message grants and deliveries; the whole inbox of a person, newest first. */
export class WechatSubscriptions1764720000200 implements MigrationInterface {
  name = 'WechatSubscriptions1764720000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'wechat_subscription',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'template_id', type: 'varchar', length: '64' },
          { name: 'remaining', type: 'integer' },
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_wechat_subscription_user_template', columnNames: ['user_id', 'template_id'] }),
        ],
        foreignKeys: [foreignKey('FK_wechat_subscription_user', 'user_id', 'user')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'wechat_message_delivery',
        columns: [
          idColumn(),
          { name: 'dedupe_key', type: 'varchar', length: '160' },
          { name: 'user_id', type: 'integer' },
          { name: 'purpose', type: 'varchar', length: '40' },
          { name: 'template_id', type: 'varchar', length: '64' },
          { name: 'page', type: 'varchar', length: '255', isNullable: true },
          { name: 'data', type: 'text' },
          enumColumn(queryRunner, 'status', DELIVERY_STATUSES),
          { name: 'attempts', type: 'integer' },
          timestampColumn('next_attempt_at'),
          timestampColumn('claimed_at', true),
          timestampColumn('grant_spent_at', true),
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
          timestampColumn('sent_at', true),
        ],
        uniques: [new TableUnique({ name: 'UQ_wechat_message_delivery_dedupe_key', columnNames: ['dedupe_key'] })],
        indices: [
          new TableIndex({
            name: 'IDX_wechat_message_delivery_due',
            columnNames: ['status', 'next_attempt_at', 'id'],
          }),
          new TableIndex({ name: 'IDX_wechat_message_delivery_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [foreignKey('FK_wechat_message_delivery_user', 'user_id', 'user')],
      }),
    );

    await queryRunner.createIndex(
      'inbox_message',
      new TableIndex({ name: 'IDX_inbox_message_user_recent', columnNames: ['user_id', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('inbox_message', 'IDX_inbox_message_user_recent');
    await queryRunner.dropTable('wechat_message_delivery');
    await queryRunner.dropTable('wechat_subscription');
  }
}

function foreignKey(name: string, column: string, referencedTable: string): TableForeignKey {
  return new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: referencedTable,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
    onUpdate: 'NO ACTION',
  });
}
