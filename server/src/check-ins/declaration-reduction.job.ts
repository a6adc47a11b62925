import { addChinaDays, chinaDateOf } from '@ankang/shared';
import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CheckInsRepository } from './check-ins.repository';

/** Days a health declaration keeps its details (PIPL): after them only the clearance stays. */
export const DECLARATION_RETENTION_DAYS = 30;
const BATCH_SIZE = 500;

/**
 * Daily at 03:00 China time: reduces the health declarations of check-ins more than 30 China days old
 * to the clearance alone — the symptoms and temperature set to null, `declaration_reduced_at` set.
 * Safe on several servers at once (a reduced row is never touched again). Off with
 * JOBS_ENABLED=false; tests call runOnce themselves.
 */
@Injectable()
export class DeclarationReductionJob {
  private readonly logger = new Logger(DeclarationReductionJob.name);
  private running = false;

  constructor(private readonly checkIns: CheckInsRepository) {}

  @Cron('0 0 3 * * *', { name: 'check-in-declaration-reduction', timeZone: 'Asia/Shanghai' })
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const reduced = await this.runOnce();
      if (reduced > 0) this.logger.log({ reduced }, 'Reduced health declarations older than 30 days');
    } catch (error) {
      // Tomorrow's run tries again; a failed run must not end the schedule or the process.
      this.logger.error({ err: error }, 'Health declaration reduction failed');
    } finally {
      this.running = false;
    }
  }

  /** Reduces every declaration of a day before `today − 30`; returns how many it reduced. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const keepFrom = addChinaDays(chinaDateOf(now), -DECLARATION_RETENTION_DAYS);
    let reduced = 0;
    for (;;) {
      const ids = await this.checkIns.findIdsToReduce(keepFrom, BATCH_SIZE);
      reduced += await this.checkIns.reduceDeclarations(ids, new Date());
      if (ids.length < BATCH_SIZE) return reduced;
    }
  }
}
