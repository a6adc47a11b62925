import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { enumColumn, idColumn, timestampColumn } from './portable-columns';

/**
 * Users, the org tree, role grants and refresh-token sessions. Written with TypeORM's schema
 * builder so the same migration serves MariaDB and SQLite.
 */
// Frozen copies of the enums as they were when this migration was written: a later value needs a new migration.
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

export class InitialSchema1764460800000 implements MigrationInterface {
  name = 'InitialSchema1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'org_unit',
        columns: [
          idColumn(),
          enumColumn(queryRunner, 'kind', ['union', 'enterprise', 'workplace']),
          { name: 'parent_id', type: 'integer', isNullable: true },
          { name: 'path', type: 'varchar', length: '255' },
          { name: 'name', type: 'varchar', length: '100' },
          enumColumn(queryRunner, 'industry', INDUSTRIES, true),
          { name: 'code', type: 'varchar', length: '32', isNullable: true },
          { name: 'address', type: 'varchar', length: '255', isNullable: true },
          timestampColumn('archived_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_org_unit_code', columnNames: ['code'] })],
        indices: [
          new TableIndex({ name: 'IDX_org_unit_path', columnNames: ['path'] }),
          new TableIndex({ name: 'IDX_org_unit_parent', columnNames: ['parent_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_org_unit_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'org_unit',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'user',
        columns: [
          idColumn(),
          { name: 'open_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'union_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'username', type: 'varchar', length: '64', isNullable: true },
          { name: 'display_name', type: 'varchar', length: '64' },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          { name: 'enterprise_id', type: 'integer', isNullable: true },
          timestampColumn('disabled_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_user_openid', columnNames: ['open_id'] }),
          new TableUnique({ name: 'UQ_user_username', columnNames: ['username'] }),
        ],
        indices: [new TableIndex({ name: 'IDX_user_enterprise', columnNames: ['enterprise_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_user_enterprise',
            columnNames: ['enterprise_id'],
            referencedTableName: 'org_unit',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'role_grant',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          enumColumn(queryRunner, 'role', ['worker', 'officer', 'union_staff', 'admin']),
          { name: 'org_unit_id', type: 'integer' },
          { name: 'granted_by', type: 'integer', isNullable: true },
          timestampColumn('created_at'),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_role_grant_user_role_org', columnNames: ['user_id', 'role', 'org_unit_id'] }),
        ],
        indices: [new TableIndex({ name: 'IDX_role_grant_org_unit', columnNames: ['org_unit_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_role_grant_user',
            columnNames: ['user_id'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'FK_role_grant_org_unit',
            columnNames: ['org_unit_id'],
            referencedTableName: 'org_unit',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'family_id', type: 'varchar', length: '36' },
          { name: 'user_id', type: 'integer' },
          timestampColumn('expires_at'),
          timestampColumn('rotated_at', true),
          timestampColumn('revoked_at', true),
          timestampColumn('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_auth_session_family', columnNames: ['family_id'] }),
          new TableIndex({ name: 'IDX_auth_session_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_auth_session_user',
            columnNames: ['user_id'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_session');
    await queryRunner.dropTable('role_grant');
    await queryRunner.dropTable('user');
    await queryRunner.dropTable('org_unit');
  }
}
