import { WorkerGroup } from '@ankang/shared';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from './user.entity';

/**
 * A worker's membership of a key group (新入职, 特种作业, …): a row each, so that lessons and notices
 * can find everyone of a group in a subtree with an index rather than by parsing a list.
 */
@Entity('user_worker_group')
@Index('IDX_user_worker_group_group', ['workerGroup'])
export class UserWorkerGroup {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @PrimaryColumn({ name: 'worker_group', type: 'simple-enum', enum: WorkerGroup })
  workerGroup: WorkerGroup;

  @ManyToOne(
    () => User,
    (user) => user.workerGroups,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_user_worker_group_user' })
  user?: Relation<User>;
}
