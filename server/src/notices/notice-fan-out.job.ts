import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NoticeFanOutService } from './notice-fan-out.service';

const JOB_NAME = 'notice-fan-out';

/**
 * Runs the fan-out in the background (JOBS_ENABLED): every NOTICE_JOB_INTERVAL_SECONDS it publishes
 * the scheduled notices that are due, fans out every published notice to the end, then sends the
 * WeChat messages that are due until none is left. A run still going when the next tick comes is not
 * overtaken (one run at a time per process; other servers are kept apart by row locks).
 */
@Injectable()
export class NoticeFanOutJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(NoticeFanOutJob.name);
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly fanOut: NoticeFanOutService,
  ) {}

  /** The schedule module stops the interval on shutdown. */
  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    const timer = setInterval(() => void this.tick(), this.config.noticeJobIntervalSeconds * 1000);
    this.scheduler.addInterval(JOB_NAME, timer);
  }

  /** One run, unless one is going on: false when it was skipped for that reason. */
  async tick(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      // No fixed `now`: a long run judges what is due as it goes.
      const summary = await this.fanOut.runOnce();
      const { deliveries } = summary;
      if (summary.published + summary.recipients + deliveries.sent + deliveries.skipped + deliveries.failed > 0) {
        this.logger.log(summary, 'Notice fan-out ran');
      }
    } catch (error) {
      // The next tick tries again; a failed run must not end the schedule or the process.
      this.logger.error({ err: error }, 'Notice fan-out run failed');
    } finally {
      this.running = false;
    }
    return true;
  }
}
