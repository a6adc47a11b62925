import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';
import { Notice } from './notice.entity';

/**
 * The client key a draft was created with: written in the draft's transaction, so a retried 保存
 * (or two racing ones) finds the first draft instead of making a second.
 */
@Entity('notice_client_key')
@Unique('UQ_notice_client_key_key', ['clientKey'])
@Unique('UQ_notice_client_key_notice', ['noticeId'])
export class NoticeClientKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'client_key', type: 'varchar', length: 36 })
  clientKey: string;

  @Column({ name: 'notice_id', type: 'int' })
  noticeId: number;

  @ManyToOne(() => Notice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_client_key_notice' })
  notice?: Relation<Notice>;

  @Column({ name: 'author_user_id', type: 'int', nullable: true })
  authorUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'FK_notice_client_key_author' })
  author?: Relation<User> | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
