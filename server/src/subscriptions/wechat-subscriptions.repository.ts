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

  /** Spends one grant in the caller's transaction; false when none is left. */
  async spendOne(manager: EntityManager, userId: number, templateId: string, now: Date): Promise<boolean> {
    const result = await manager
      .getRepository(WechatSubscription)
      .createQueryBuilder()
      .update()
      .set({ remaining: () => 'remaining - 1', updatedAt: now })
      .where('user_id = :userId AND template_id = :templateId AND remaining > 0', { userId, templateId })
      .execute();
    return (result.affected ?? 0) === 1;
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
