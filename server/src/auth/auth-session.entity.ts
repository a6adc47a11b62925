import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';

/**
 * One refresh token. Refreshing rotates it: the old row is marked rotated and a new row joins the
 * same family. Presenting a rotated token after the grace period means it was copied, so the whole
 * family is revoked.
 */
@Entity('auth_session')
@Index('IDX_auth_session_family', ['familyId'])
@Index('IDX_auth_session_user', ['userId'])
export class AuthSession {
  /** The refresh token's `jti`. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_auth_session_user' })
  user?: Relation<User>;

  @Column(timestampColumn({ name: 'expires_at' }))
  expiresAt: Date;

  @Column(timestampColumn({ name: 'rotated_at', nullable: true }))
  rotatedAt: Date | null;

  @Column(timestampColumn({ name: 'revoked_at', nullable: true }))
  revokedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
