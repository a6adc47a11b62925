import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { HazardPhotosService } from './hazard-photos.service';

const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Hourly: deletes photos uploaded but never attached to a report or fix within a day (a form left
 * open, an app closed mid-report). Off with JOBS_ENABLED=false; tests call runOnce themselves.
 */
@Injectable()
export class AbandonedPhotosJob {
  private readonly logger = new Logger(AbandonedPhotosJob.name);
  private running = false;

  constructor(private readonly photos: HazardPhotosService) {}

  @Interval('hazard-photos-cleanup', CLEANUP_INTERVAL_MS)
  async runOnce(now: Date = new Date()): Promise<number> {
    // A slow run is not overtaken by the next tick.
    if (this.running) return 0;
    this.running = true;
    try {
      const deleted = await this.photos.deleteAbandoned(now);
      if (deleted > 0) this.logger.log({ deleted }, 'Deleted hazard photos no ticket took');
      return deleted;
    } catch (error) {
      // The next tick tries again; a failed run must not end the schedule or the process.
      this.logger.error({ err: error }, 'Hazard photo cleanup failed');
      return 0;
    } finally {
      this.running = false;
    }
  }
}
