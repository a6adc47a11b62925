import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';

/**
 * The one-time grants a person holds for one subscribe-message template: each `accept` in
 * `wx.requestSubscribeMessage` adds one, each message sent spends one. WeChat keeps the real count;
 * this one spares calls that would be refused, and is zeroed when WeChat says none is left (43101).
 */
@Entity('wechat_subscription')
@Unique('UQ_wechat_subscription_user_template', ['userId', 'templateId'])
export class WechatSubscription {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_wechat_subscription_user' })
  user?: Relation<User>;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int' })
  remaining: number;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
