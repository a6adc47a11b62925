import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { User } from './user.entity';

const NEW_WECHAT_USER_NAME = '微信用户';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByIdWithEnterprise(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { enterprise: true } });
  }

  findByOpenId(openId: string): Promise<User | null> {
    return this.users.findOneBy({ openId });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  findByUsernames(usernames: string[]): Promise<User[]> {
    return usernames.length === 0 ? Promise.resolve([]) : this.users.findBy({ username: In(usernames) });
  }

  /**
   * The user with this openid, created on first login. Two first logins racing each other both end
   * with the same row: the loser of the insert reads the winner's.
   */
  async findOrCreateByOpenId(openId: string, unionId: string | null): Promise<{ user: User; created: boolean }> {
    const existing = await this.findByOpenId(openId);
    if (existing) return { user: existing, created: false };
    const now = new Date();
    try {
      const result = await this.users.insert({
        openId,
        unionId,
        displayName: NEW_WECHAT_USER_NAME,
        createdAt: now,
        updatedAt: now,
      });
      const id = Number(result.identifiers[0].id);
      return { user: await this.findOrFail(id), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByOpenId(openId);
      if (!winner) throw error;
      return { user: winner, created: false };
    }
  }

  private async findOrFail(id: number): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new Error(`User ${id} vanished right after it was inserted`);
    return user;
  }
}
