import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { enumColumn, idColumn, timestampColumn } from './portable-columns';

// Frozen copies of the enums as they were when this migration was written.
const LESSON_STATUSES = ['draft', 'published', 'archived'];
const LESSON_TOPICS = [
  'warning_education',
  'operating_procedure',
  'epidemic_prevention',
  'emergency_response',
  'occupational_health',
];
const CLEARANCES = ['cleared', 'lesson_pending', 'not_cleared'];

/** Micro-lessons with their versions, assignments and attempts; the daily pre-shift check-in. */
export class TrainingAndCheckIns1764806400000 implements MigrationInterface {
  name = 'TrainingAndCheckIns1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lesson',
        columns: [
          idColumn(),
          { name: 'owner_org_unit_id', type: 'integer' },
          enumColumn(queryRunner, 'status', LESSON_STATUSES),
          { name: 'current_version', type: 'integer' },
          { name: 'created_by', type: 'integer', isNullable: true },
          timestampColumn('archived_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_lesson_owner_status', columnNames: ['owner_org_unit_id', 'status'] })],
        foreignKeys: [
          foreignKey('FK_lesson_owner', 'owner_org_unit_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_lesson_creator', 'created_by', 'user', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'lesson_version',
        columns: [
          idColumn(),
          { name: 'lesson_id', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'title', type: 'varchar', length: '60' },
          enumColumn(queryRunner, 'topic', LESSON_TOPICS),
          { name: 'body_html', type: 'text' },
          { name: 'image_ids', type: 'text' },
          { name: 'video_url', type: 'varchar', length: '500', isNullable: true },
          { name: 'duration_seconds', type: 'integer' },
          { name: 'worker_groups', type: 'varchar', length: '200' },
          { name: 'industries', type: 'varchar', length: '400' },
          { name: 'pass_mark', type: 'integer' },
          { name: 'questions', type: 'text' },
          timestampColumn('published_at', true),
          { name: 'created_by', type: 'integer', isNullable: true },
          timestampColumn('created_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_lesson_version_lesson_version', columnNames: ['lesson_id', 'version'] })],
        foreignKeys: [
          foreignKey('FK_lesson_version_lesson', 'lesson_id', 'lesson', 'RESTRICT'),
          foreignKey('FK_lesson_version_creator', 'created_by', 'user', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'lesson_assignment',
        columns: [
          idColumn(),
          { name: 'lesson_id', type: 'integer' },
          { name: 'org_unit_id', type: 'integer' },
          { name: 'due_on', type: 'varchar', length: '10' },
          { name: 'assigned_by', type: 'integer', isNullable: true },
          timestampColumn('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_lesson_assignment_org_unit', columnNames: ['org_unit_id'] }),
          new TableIndex({ name: 'IDX_lesson_assignment_lesson', columnNames: ['lesson_id'] }),
        ],
        foreignKeys: [
          foreignKey('FK_lesson_assignment_lesson', 'lesson_id', 'lesson', 'CASCADE'),
          foreignKey('FK_lesson_assignment_org_unit', 'org_unit_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_lesson_assignment_assigner', 'assigned_by', 'user', 'SET NULL'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'check_in',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'enterprise_id', type: 'integer' },
          { name: 'workplace_id', type: 'integer' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'client_key', type: 'varchar', length: '36' },
          { name: 'fever', type: 'boolean', isNullable: true },
          { name: 'cough', type: 'boolean', isNullable: true },
          { name: 'feeling_unwell', type: 'boolean', isNullable: true },
          { name: 'other_symptoms', type: 'varchar', length: '200', isNullable: true },
          { name: 'temperature', type: 'double', isNullable: true },
          enumColumn(queryRunner, 'clearance', CLEARANCES),
          timestampColumn('cleared_at', true),
          { name: 'passed_attempt_id', type: 'integer', isNullable: true },
          timestampColumn('declaration_reduced_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_check_in_user_day', columnNames: ['user_id', 'day'] }),
          new TableUnique({ name: 'UQ_check_in_user_client_key', columnNames: ['user_id', 'client_key'] }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_check_in_workplace_day', columnNames: ['workplace_id', 'day'] }),
          new TableIndex({ name: 'IDX_check_in_enterprise_day', columnNames: ['enterprise_id', 'day'] }),
        ],
        foreignKeys: [
          foreignKey('FK_check_in_user', 'user_id', 'user', 'CASCADE'),
          foreignKey('FK_check_in_enterprise', 'enterprise_id', 'org_unit', 'RESTRICT'),
          foreignKey('FK_check_in_workplace', 'workplace_id', 'org_unit', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'lesson_attempt',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'lesson_id', type: 'integer' },
          { name: 'lesson_version_id', type: 'integer' },
          { name: 'check_in_id', type: 'integer', isNullable: true },
          timestampColumn('opened_at'),
          timestampColumn('submitted_at', true),
          { name: 'client_key', type: 'varchar', length: '36', isNullable: true },
          { name: 'answers', type: 'text', isNullable: true },
          { name: 'results', type: 'text', isNullable: true },
          { name: 'score', type: 'integer', isNullable: true },
          { name: 'passed', type: 'boolean', isNullable: true },
          { name: 'time_spent_seconds', type: 'integer', isNullable: true },
        ],
        uniques: [
          new TableUnique({ name: 'UQ_lesson_attempt_user_client_key', columnNames: ['user_id', 'client_key'] }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_lesson_attempt_user_lesson',
            columnNames: ['user_id', 'lesson_id', 'submitted_at'],
          }),
          new TableIndex({ name: 'IDX_lesson_attempt_check_in', columnNames: ['check_in_id'] }),
        ],
        foreignKeys: [
          foreignKey('FK_lesson_attempt_user', 'user_id', 'user', 'CASCADE'),
          foreignKey('FK_lesson_attempt_lesson', 'lesson_id', 'lesson', 'RESTRICT'),
          foreignKey('FK_lesson_attempt_version', 'lesson_version_id', 'lesson_version', 'RESTRICT'),
          foreignKey('FK_lesson_attempt_check_in', 'check_in_id', 'check_in', 'SET NULL'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('lesson_attempt');
    await queryRunner.dropTable('check_in');
    await queryRunner.dropTable('lesson_assignment');
    await queryRunner.dropTable('lesson_version');
    await queryRunner.dropTable('lesson');
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
