import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { HealthDto } from './health.dto';

@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Asks the database a trivial question; a failure makes the service degraded, never an exception. */
  async check(): Promise<HealthDto> {
    const started = performance.now();
    let ok = true;
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      ok = false;
      this.logger.warn(`Database health check failed: ${(error as Error).message}`);
    }
    return {
      status: ok ? 'ok' : 'degraded',
      database: {
        driver: this.config.database.driver,
        ok,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      },
      version: this.config.version,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
