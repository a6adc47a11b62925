import { CommonErrorCode, type Page } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import {
  type InboxListQueryDto,
  type InboxMessageDto,
  type InboxReadAllDto,
  type InboxUnreadCountDto,
  toInboxMessage,
} from './inbox.dto';
import { InboxMessage } from './inbox-message.entity';
import { InboxMessagesRepository } from './inbox-messages.repository';

/** One message for one person. */
export interface NewInboxMessage {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  hazardTicketId?: number | null;
  /** Messages with the same key land once, however often or by however many servers they are sent. */
  dedupeKey?: string | null;
}

/**
 * Puts messages in people's in-app inboxes (pass the transaction's manager so a message is written
 * together with the change it announces, or not at all), and lets each person read their own.
 * Someone else's message is answered as one that does not exist.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(InboxMessage) private readonly messages: Repository<InboxMessage>,
    private readonly inbox: InboxMessagesRepository,
  ) {}

  async list(userId: number, query: InboxListQueryDto): Promise<Page<InboxMessageDto>> {
    const limit = pageLimit(query);
    const [beforeId] = query.cursor ? (decodeCursor(query.cursor, ['number']) as number[]) : [null];
    const rows = await this.inbox.findPage({ userId, unreadOnly: query.unreadOnly ?? false, beforeId, limit });
    return toPage(rows, limit, (row) => [row.id], toInboxMessage);
  }

  async unreadCount(userId: number): Promise<InboxUnreadCountDto> {
    return { count: await this.inbox.countUnread(userId) };
  }

  async markRead(userId: number, id: number): Promise<InboxMessageDto> {
    await this.findOwnedOrFail(userId, id);
    await this.inbox.markRead(userId, id, new Date());
    return toInboxMessage(await this.findOwnedOrFail(userId, id));
  }

  async markAllRead(userId: number): Promise<InboxReadAllDto> {
    return { marked: await this.inbox.markAllRead(userId, new Date()) };
  }

  /** Marks read the person's messages that open `link` (a notice read on its own page is read in the inbox too). */
  async markReadByLink(
    userId: number,
    link: string,
    manager: EntityManager = this.messages.manager,
    at: Date = new Date(),
  ): Promise<void> {
    await this.inbox.markReadByLink(manager, userId, link, at);
  }

  /** Inserts the messages, skipping any whose dedupe key is already in an inbox. Returns how many it wrote (or found raced). */
  async deliver(messages: NewInboxMessage[], manager: EntityManager = this.messages.manager): Promise<number> {
    if (messages.length === 0) return 0;
    const repository = manager.getRepository(InboxMessage);
    const keys = messages.flatMap((message) => (message.dedupeKey ? [message.dedupeKey] : []));
    const existing = new Set(
      keys.length === 0
        ? []
        : (
            await repository
              .createQueryBuilder('message')
              .select('message.dedupeKey', 'dedupeKey')
              .where('message.dedupeKey IN (:...keys)', { keys })
              .getRawMany<{ dedupeKey: string }>()
          ).map((row) => row.dedupeKey),
    );
    const now = new Date();
    const fresh = messages.filter((message) => !message.dedupeKey || !existing.has(message.dedupeKey));
    if (fresh.length === 0) return 0;
    await repository
      .createQueryBuilder()
      .insert()
      .values(
        fresh.map((message) => ({
          userId: message.userId,
          kind: message.kind,
          title: message.title.slice(0, 100),
          body: message.body.slice(0, 500),
          link: message.link ?? null,
          hazardTicketId: message.hazardTicketId ?? null,
          dedupeKey: message.dedupeKey ?? null,
          readAt: null,
          createdAt: now,
        })),
      )
      // A concurrent sender with the same key won the race: its row stands, ours is skipped.
      .orIgnore()
      .execute();
    return fresh.length;
  }

  private async findOwnedOrFail(userId: number, id: number): Promise<InboxMessage> {
    const message = await this.inbox.findOwned(userId, id);
    if (!message) throw new AppException(CommonErrorCode.NotFound);
    return message;
  }
}
