import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { InboxMessage } from './inbox-message.entity';

export interface InboxPageFilter {
  userId: number;
  unreadOnly: boolean;
  /** The id of the last message of the previous page. */
  beforeId: number | null;
  limit: number;
}

/** Reads and receipts of one person's inbox; every method is keyed by its owner. */
@Injectable()
export class InboxMessagesRepository {
  constructor(@InjectRepository(InboxMessage) private readonly messages: Repository<InboxMessage>) {}

  findOwned(userId: number, id: number): Promise<InboxMessage | null> {
    return this.messages.findOneBy({ id, userId });
  }

  /** Newest first, one more than the limit (the extra one only says there is a next page). */
  findPage(filter: InboxPageFilter): Promise<InboxMessage[]> {
    const query = this.messages.createQueryBuilder('message').where('message.userId = :userId', {
      userId: filter.userId,
    });
    if (filter.unreadOnly) query.andWhere('message.readAt IS NULL');
    if (filter.beforeId !== null) query.andWhere('message.id < :beforeId', { beforeId: filter.beforeId });
    return query
      .orderBy('message.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }

  countUnread(userId: number): Promise<number> {
    return this.messages.countBy({ userId, readAt: IsNull() });
  }

  /** Marks one message read unless it was already (the first reading stands). */
  async markRead(userId: number, id: number, at: Date): Promise<void> {
    await this.messages.update({ id, userId, readAt: IsNull() }, { readAt: at });
  }

  /** Marks the person's unread messages that open `link` read (e.g. all those about one notice). */
  async markReadByLink(manager: EntityManager, userId: number, link: string, at: Date): Promise<void> {
    await manager.getRepository(InboxMessage).update({ userId, link, readAt: IsNull() }, { readAt: at });
  }

  /** Marks every unread message of the person read; how many it marked. */
  async markAllRead(userId: number, at: Date): Promise<number> {
    const result = await this.messages.update({ userId, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }
}
