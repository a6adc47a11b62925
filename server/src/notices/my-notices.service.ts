import { CommonErrorCode, NoticeErrorCode } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import { InboxService } from '../inbox/inbox.service';
import {
  type MyNoticeCountsDto,
  type MyNoticeDto,
  type MyNoticeListQueryDto,
  type MyNoticePageDto,
  toMyNotice,
} from './my-notices.dto';
import { noticeLink } from './notice-fan-out.service';
import type { NoticeReceipt } from './notice-receipt.entity';
import { NoticeReceiptsRepository } from './notice-receipts.repository';

/**
 * The notices a person received, as they read them: published ones they hold a receipt of. Anything
 * else — not theirs, not yet reached, withdrawn — is answered as not found. Opening a notice marks it
 * read, and with it the person's inbox messages about it.
 */
@Injectable()
export class MyNoticesService {
  constructor(
    private readonly receipts: NoticeReceiptsRepository,
    private readonly inbox: InboxService,
  ) {}

  async list(userId: number, query: MyNoticeListQueryDto): Promise<MyNoticePageDto> {
    const limit = pageLimit(query);
    const rows = await this.receipts.findMinePage({
      userId,
      unacknowledgedOnly: query.unacknowledgedOnly ?? false,
      beforeId: query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]),
      take: limit + 1,
    });
    return toPage(rows, limit, (receipt) => [receipt.id], toMyNotice);
  }

  counts(userId: number): Promise<MyNoticeCountsDto> {
    return this.receipts.countMine(userId);
  }

  /** The notice, read from now on (the first reading stands). */
  async read(userId: number, noticeId: number): Promise<MyNoticeDto> {
    const receipt = await this.findMineOrFail(userId, noticeId);
    return this.settle(userId, receipt, (manager, at) => this.receipts.markRead(manager, receipt.id, at));
  }

  /** 已阅知: the first acknowledgement stands, so a second tap changes nothing. */
  async acknowledge(userId: number, noticeId: number): Promise<MyNoticeDto> {
    const receipt = await this.findMineOrFail(userId, noticeId);
    if (!receipt.notice?.acknowledgementRequired) throw new AppException(NoticeErrorCode.AcknowledgementNotRequired);
    return this.settle(userId, receipt, (manager, at) => this.receipts.markAcknowledged(manager, receipt.id, at));
  }

  /** Writes the receipt's change with the inbox's in one transaction, and answers what was stored. */
  private async settle(
    userId: number,
    receipt: NoticeReceipt,
    change: (manager: EntityManager, at: Date) => Promise<void>,
  ): Promise<MyNoticeDto> {
    const stored = await this.receipts.transaction(async (manager) => {
      const at = new Date();
      await change(manager, at);
      await this.inbox.markReadByLink(userId, noticeLink(receipt.noticeId), manager, at);
      return this.receipts.findById(manager, receipt.id);
    });
    return toMyNotice(
      Object.assign(receipt, { readAt: stored?.readAt ?? null, acknowledgedAt: stored?.acknowledgedAt ?? null }),
    );
  }

  private async findMineOrFail(userId: number, noticeId: number): Promise<NoticeReceipt> {
    const receipt = await this.receipts.findMine(userId, noticeId);
    if (!receipt) throw new AppException(CommonErrorCode.NotFound);
    return receipt;
  }
}
