import type { WorkerGroup } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { User } from '../users/user.entity';
import { UserWorkerGroup } from '../users/user-worker-group.entity';

/** The fields a person may change about themselves; absent ones stay as they are. */
export interface ProfileChanges {
  displayName?: string;
  employeeNumber?: string | null;
  /** The whole set, replacing the groups held. */
  workerGroups?: WorkerGroup[];
}

@Injectable()
export class ProfileRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** The person with their enterprise and worker groups. */
  findByIdWithProfile(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { enterprise: true, workerGroups: true } });
  }

  /** Applies the changes in one transaction, so the groups are never half replaced. */
  async update(userId: number, changes: ProfileChanges): Promise<void> {
    await this.users.manager.transaction(async (manager) => {
      const { workerGroups, displayName, employeeNumber } = changes;
      await manager.getRepository(User).update(
        { id: userId },
        {
          ...(displayName === undefined ? {} : { displayName }),
          ...(employeeNumber === undefined ? {} : { employeeNumber }),
          updatedAt: new Date(),
        },
      );
      if (workerGroups === undefined) return;
      const memberships = manager.getRepository(UserWorkerGroup);
      await memberships.delete({ userId });
      if (workerGroups.length > 0) {
        await memberships.insert(workerGroups.map((workerGroup) => ({ userId, workerGroup })));
      }
    });
  }

  async setPhone(userId: number, phone: string): Promise<void> {
    await this.users.update({ id: userId }, { phone, updatedAt: new Date() });
  }
}
