import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/app-config';
import { connectDatabase } from '../database/connect-database';
import { seedDemoLessons } from './seed-demo-lessons';
import { seedDemoProvince } from './seed-demo-province';

/**
 * `pnpm --filter @ankang/server seed`: migrates the configured database and seeds the demo province
 * into it when it is empty, then the demo lessons when it has none, printing what it did and how long
 * it took. Never in production.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.environment === 'production') {
    throw new ConfigError('NODE_ENV', 'is production: the demo province is never seeded there');
  }
  const dataSource = await connectDatabase(config.database);
  try {
    const started = performance.now();
    const result = await seedDemoProvince(dataSource);
    const milliseconds = Math.round(performance.now() - started);
    const counts = `${result.orgUnits} org units, ${result.users} users, ${result.grids} grids, ${result.bindingRequests} pending binding requests`;
    process.stdout.write(
      result.seeded
        ? `Seeded the demo province into ${config.database.driver} in ${milliseconds} ms: ${counts}\n`
        : `The database already has an org tree (${counts}): left alone\n`,
    );
    const lessonsStarted = performance.now();
    const lessons = await seedDemoLessons(dataSource);
    const lessonMilliseconds = Math.round(performance.now() - lessonsStarted);
    process.stdout.write(
      lessons.seeded
        ? `Seeded the demo lessons in ${lessonMilliseconds} ms: ${lessons.lessons} lessons, ${lessons.assignments} assignment, ${lessons.attempts} completed attempt\n`
        : `Demo lessons left alone (${lessons.skipped}): ${lessons.lessons} lessons present\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nSeeding failed: ${error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error))}\n\n`,
  );
  process.exit(1);
});
