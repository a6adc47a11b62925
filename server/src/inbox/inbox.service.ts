import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { InboxMessage } from './inbox-message.entity';

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
 * Puts messages in people's in-app inboxes. Pass the transaction's manager so a message is written
 * together with the change it announces (or not at all).
 */
@Injectable()
export class InboxService {
  constructor(@InjectRepository(InboxMessage) private readonly messages: Repository<InboxMessage>) {}

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
}
