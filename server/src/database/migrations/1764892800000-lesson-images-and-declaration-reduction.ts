import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { idColumn, timestampColumn } from './portable-columns';

/**
 * Pictures for lesson bodies; and an index for the daily job that reduces health declarations older
 * than 30 days, so that it finds the rows still holding details without reading every check-in.
 */
export class LessonImagesAndDeclarationReduction1764892800000 implements MigrationInterface {
  name = 'LessonImagesAndDeclarationReduction1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lesson_image',
        columns: [
          idColumn(),
          { name: 'client_key', type: 'varchar', length: '36' },
          { name: 'uploaded_by', type: 'integer', isNullable: true },
          { name: 'storage_key', type: 'varchar', length: '255' },
          { name: 'thumbnail_key', type: 'varchar', length: '255' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'width', type: 'integer' },
          { name: 'height', type: 'integer' },
          { name: 'byte_size', type: 'integer' },
          timestampColumn('created_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_lesson_image_client_key', columnNames: ['client_key'] })],
        indices: [new TableIndex({ name: 'IDX_lesson_image_uploader', columnNames: ['uploaded_by'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_lesson_image_uploader',
            columnNames: ['uploaded_by'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'check_in',
      new TableIndex({ name: 'IDX_check_in_reduction', columnNames: ['declaration_reduced_at', 'day'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('check_in', 'IDX_check_in_reduction');
    await queryRunner.dropTable('lesson_image');
  }
}
