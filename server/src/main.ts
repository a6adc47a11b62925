import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { connectDatabase } from './database/connect-database';
import { seedDemoLessons } from './seed/seed-demo-lessons';
import { seedDemoProvince } from './seed/seed-demo-province';

const SHUTDOWN_TIMEOUT_MILLISECONDS = 10_000;

async function bootstrap(): Promise<void> {
  const config: AppConfig = loadConfig();
  const logger = new Logger('Bootstrap');
  const dataSource = await connectDatabase(config.database);
  if (config.seedDemo) {
    const result = await seedDemoProvince(dataSource);
    logger.log(
      result.seeded
        ? `Seeded the demo province: ${result.orgUnits} org units, ${result.users} users`
        : `Demo data already present (${result.orgUnits} org units, ${result.users} users): reused`,
    );
    // Its own transaction after the province's: the lessons need the province's org units.
    const lessons = await seedDemoLessons(dataSource);
    logger.log(
      lessons.seeded
        ? `Seeded the demo lessons: ${lessons.lessons} lessons, ${lessons.assignments} assignment, ${lessons.attempts} completed attempt`
        : `Demo lessons not seeded (${lessons.skipped}): ${lessons.lessons} lessons present`,
    );
  }
  const app = await createApp(config, dataSource);
  await app.listen({ host: config.host, port: config.port });
  logger.log(`Ankang API on http://${config.host}:${config.port}/api/v1 (database: ${config.database.driver})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing requests in flight, then closing`);
    setTimeout(() => {
      logger.error('Shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MILLISECONDS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(`\nThe server failed to start: ${(error as Error)?.stack ?? String(error)}\n\n`);
  }
  process.exit(1);
});
