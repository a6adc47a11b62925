import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { enumColumn, idColumn, timestampColumn } from './portable-columns';

// Frozen copies of the enums as they were when this migration was written.
const INDUSTRIES = [
  'coal_mine',
  'non_coal_mine',
  'hazardous_chemicals',
  'road_traffic',
  'construction',
  'fire',
  'education',
  'power',
  'energy',
  'civil_explosives',
  'special_equipment',
  'city_gas',
  'other',
];
const CATEGORIES = [
  'unsafe_condition',
  'unsafe_behavior',
  'violation_command',
  'violation_operation',
  'violation_discipline',
  'epidemic_prevention',
  'occupational_health',
  'other',
];
const STATES = ['submitted', 'assigned', 'rectifying', 'pending_verification', 'closed', 'rejected', 'duplicate'];
const GRADES = ['general', 'major'];
const REPORTER_VISIBILITIES = ['named', 'hidden_from_enterprise', 'anonymous'];
const PHOTO_KINDS = ['report', 'fix'];
const REMINDER_KINDS = ['deadline_soon', 'due', 'overdue'];

/** Hazard tickets with their photos and audit trail, the in-app inbox and deadline reminders. */
export class HazardTickets1764633600000 implements MigrationInterface {
  name = 'HazardTickets1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'hazard_code_counter',
        columns: [
          { name: 'day', type: 'varchar', length: '8', isPrimary: true },
          { name: 'last_number', type: 'integer' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'hazard_ticket',
        columns: [
          idColumn(),
          { name: 'code', type: 'varchar', length: '20' },
          { name: 'client_key', type: 'varchar', length: '36' },
          { name: 'reporter_user_id', type: 'integer', isNullable: true },
          enumColumn(queryRunner, 'reporter_visibility', REPORTER_VISIBILITIES),
          { name: 'follow_token_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'enterprise_id', type: 'integer' },
          { name: 'workplace_id', type: 'integer' },
          enumColumn(queryRunner, 'industry', INDUSTRIES, true),
          enumColumn(queryRunner, 'category', CATEGORIES),
          { name: 'description', type: 'varchar', length: '500' },
          { name: 'location_note', type: 'varchar', length: '100', isNullable: true },
          enumColumn(queryRunner, 'state', STATES),
          enumColumn(queryRunner, 'grade', GRADES, true),
          { name: 'responsible_user_id', type: 'integer', isNullable: true },
          { name: 'measures', type: 'varchar', length: '500', isNullable: true },
          { name: 'funding', type: 'varchar', length: '100', isNullable: true },
          timestampColumn('due_at', true),
          { name: 'contingency_plan', type: 'varchar', length: '1000', isNullable: true },
          { name: 'duplicate_of_id', type: 'integer', isNullable: true },
          { name: 'reject_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'rectified_by', type: 'integer', isNullable: true },
          { name: 'verified_by', type: 'integer', isNullable: true },
          timestampColumn('extension_due_at', true),
          { name: 'extension_reason', type: 'varchar', length: '500', isNullable: true },
          timestampColumn('extension_requested_at', true),
          { name: 'authority_department', type: 'varchar', length: '100', isNullable: true },
          { name: 'authority_reported_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'authority_reference', type: 'varchar', length: '100', isNullable: true },
          timestampColumn('closed_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_hazard_ticket_code', columnNames: ['code'] }),
          new TableUnique({ name: 'UQ_hazard_ticket_client_key', columnNames: ['client_key'] }),
          new TableUnique({ name: 'UQ_hazard_ticket_follow_token_hash', columnNames: ['follow_token_hash'] }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_hazard_ticket_queue', columnNames: ['enterprise_id', 'state', 'due_at', 'id'] }),
          new TableIndex({ name: 'IDX_hazard_ticket_reporter', columnNames: ['reporter_user_id', 'id'] }),
          new TableIndex({ name: 'IDX_hazard_ticket_workplace', columnNames: ['workplace_id'] }),
          new TableIndex({ name: 'IDX_hazard_ticket_responsible', columnNames: ['responsible_user_id', 'state'] }),
          new TableIndex({ name: 'IDX_hazard_ticket_state_due', columnNames: ['state', 'due_at'] }),
        ],
        foreignKeys: [
          foreignKey('FK_hazard_ticket_reporter', 'reporter_user_id', 'user', 'SET NULL'),
          foreignKey('FK_hazard_ticket_enterprise', 'enterprise_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_hazard_ticket_workplace', 'workplace_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_hazard_ticket_responsible', 'responsible_user_id', 'user', 'SET NULL'),
          foreignKey('FK_hazard_ticket_duplicate_of', 'duplicate_of_id', 'hazard_ticket', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'hazard_photo',
        columns: [
          idColumn(),
          { name: 'ticket_id', type: 'integer', isNullable: true },
          enumColumn(queryRunner, 'kind', PHOTO_KINDS),
          { name: 'client_key', type: 'varchar', length: '36' },
          { name: 'uploaded_by', type: 'integer', isNullable: true },
          { name: 'storage_key', type: 'varchar', length: '255' },
          { name: 'thumbnail_key', type: 'varchar', length: '255' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'width', type: 'integer' },
          { name: 'height', type: 'integer' },
          { name: 'byte_size', type: 'integer' },
          timestampColumn('attached_at', true),
          timestampColumn('created_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_hazard_photo_client_key', columnNames: ['client_key'] })],
        indices: [
          new TableIndex({ name: 'IDX_hazard_photo_ticket', columnNames: ['ticket_id'] }),
          new TableIndex({ name: 'IDX_hazard_photo_uploader', columnNames: ['uploaded_by'] }),
        ],
        foreignKeys: [
          foreignKey('FK_hazard_photo_ticket', 'ticket_id', 'hazard_ticket', 'CASCADE'),
          foreignKey('FK_hazard_photo_uploader', 'uploaded_by', 'user', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'ticket_event',
        columns: [
          idColumn(),
          { name: 'ticket_id', type: 'integer' },
          { name: 'actor_user_id', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '32' },
          enumColumn(queryRunner, 'from_state', STATES, true),
          enumColumn(queryRunner, 'to_state', STATES, true),
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          { name: 'payload', type: 'text', isNullable: true },
          timestampColumn('created_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_ticket_event_ticket', columnNames: ['ticket_id', 'id'] })],
        foreignKeys: [
          foreignKey('FK_ticket_event_ticket', 'ticket_id', 'hazard_ticket', 'RESTRICT'),
          foreignKey('FK_ticket_event_actor', 'actor_user_id', 'user', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'inbox_message',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'body', type: 'varchar', length: '500' },
          { name: 'link', type: 'varchar', length: '255', isNullable: true },
          { name: 'hazard_ticket_id', type: 'integer', isNullable: true },
          { name: 'dedupe_key', type: 'varchar', length: '120', isNullable: true },
          timestampColumn('read_at', true),
          timestampColumn('created_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_inbox_message_dedupe_key', columnNames: ['dedupe_key'] })],
        indices: [new TableIndex({ name: 'IDX_inbox_message_user', columnNames: ['user_id', 'read_at', 'id'] })],
        foreignKeys: [foreignKey('FK_inbox_message_user', 'user_id', 'user', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'hazard_reminder',
        columns: [
          idColumn(),
          { name: 'ticket_id', type: 'integer' },
          enumColumn(queryRunner, 'kind', REMINDER_KINDS),
          timestampColumn('due_at'),
          timestampColumn('created_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_hazard_reminder_ticket_kind_due', columnNames: ['ticket_id', 'kind', 'due_at'] }),
        ],
        foreignKeys: [foreignKey('FK_hazard_reminder_ticket', 'ticket_id', 'hazard_ticket', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('hazard_reminder');
    await queryRunner.dropTable('inbox_message');
    await queryRunner.dropTable('ticket_event');
    await queryRunner.dropTable('hazard_photo');
    await queryRunner.dropTable('hazard_ticket');
    await queryRunner.dropTable('hazard_code_counter');
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
