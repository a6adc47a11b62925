import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { WechatSubscription } from './wechat-subscription.entity';

/** A person's one-time grants per template: added when they accept, spent one per message. */
@Injectable()
export class WechatSubscriptionsRepository {
  constructor(@InjectRepository(WechatSubscription) private readonly subscriptions: Repository<WechatSubscription>) {}

  findByUserAndTemplates(userId: number, templateIds: readonly string[]): Promise<WechatSubscription[]> {
    if (templateIds.length === 0) return Promise.resolve([]);
    return this.subscriptions.findBy({ userId, templateId: In([...templateIds]) });
  }

  /**
   * One more grant for each template. Two statements, each atomic on its own and outside any
   * transaction, so concurrent acceptances add up and never deadlock on the new row.
   */
  async addOneEach(userId: number, templateIds: readonly string[], now: Date): Promise<void> {
    if (templateIds.length === 0) return;
    await this.subscriptions
      .createQueryBuilder()
      .insert()
      .values(templateIds.map((templateId) => ({ userId, templateId, remaining: 0, createdAt: now, updatedAt: now })))
      .orIgnore()
      .execute();
    await this.subscriptions
      .createQueryBuilder()
      .update()
      .set({ remaining: () => 'remaining + 1', updatedAt: now })
      .where('user_id = :userId AND template_id IN (:...templateIds)', { userId, templateIds })
      .execute();
  }

  /**
   * The grant rows of these people and templates, locked for the caller's transaction (MariaDB), in
   * key order so that two servers spending for the same people never deadlock: the claim reads how
   * many are left, then spends them with `spend`.
   */
  lockHeld(
    manager: EntityManager,
    userIds: readonly number[],
    templateIds: readonly string[],
  ): Promise<WechatSubscription[]> {
    if (userIds.length === 0 || templateIds.length === 0) return Promise.resolve([]);
    const query = manager
      .getRepository(WechatSubscription)
      .createQueryBuilder('grant')
      .where('grant.userId IN (:...userIds)', { userIds: [...new Set(userIds)] })
      .andWhere('grant.templateId IN (:...templateIds)', { templateIds: [...new Set(templateIds)] })
      .orderBy('grant.userId', 'ASC')
      .addOrderBy('grant.templateId', 'ASC');
    // SQLite has no row locks: its one writer at a time holds the whole database.
    const type = query.connection.driver.options.type;
    return (type === 'mysql' || type === 'mariadb' ? query.setLock('pessimistic_write') : query).getMany();
  }

  /** Spends grants of rows locked by `lockHeld`: `counts` maps a row id to how many (never more than it holds). */
  async spend(manager: EntityManager, counts: ReadonlyMap<number, number>, now: Date): Promise<void> {
    const idsByCount = new Map<number, number[]>();
    for (const [id, count] of counts) {
      if (count > 0) idsByCount.set(count, [...(idsByCount.get(count) ?? []), id]);
    }
    for (const [count, ids] of idsByCount) {
      await manager
        .getRepository(WechatSubscription)
        .createQueryBuilder()
        .update()
        .set({ remaining: () => `remaining - ${Math.trunc(count)}`, updatedAt: now })
        .where('id IN (:...ids)', { ids })
        .execute();
    }
  }

  /** Gives back a grant spent on a message WeChat never received. */
  async returnOne(
    userId: number,
    templateId: string,
    now: Date,
    manager: EntityManager = this.subscriptions.manager,
  ): Promise<void> {
    await manager
      .getRepository(WechatSubscription)
      .createQueryBuilder()
      .update()
      .set({ remaining: () => 'remaining + 1', updatedAt: now })
      .where('user_id = :userId AND template_id = :templateId', { userId, templateId })
      .execute();
  }

  /** WeChat says the person has none left (or refused): believe it. */
  async clear(userId: number, templateId: string, now: Date): Promise<void> {
    await this.subscriptions.update({ userId, templateId }, { remaining: 0, updatedAt: now });
  }
}
