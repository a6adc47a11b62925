import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { connectDatabase } from '../../src/database/connect-database';
import type { TestApp } from './test-app';

export interface SecondInstance {
  baseUrl: string;
  app: NestFastifyApplication;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Another server of the same deployment: a second application on the first one's database, talking
 * to the same fake WeChat. On MySQL it has its own connection pool, as a second process would. The
 * embedded SQLite is one process's database: a second connection to its file would block the event
 * loop waiting for the first one's write lock, so there the second application shares the first
 * one's (serialized) connection. `changes` set it up differently (e.g. with its jobs scheduled).
 * Close it before the first.
 */
export async function startSecondInstance(first: TestApp, changes: Partial<AppConfig> = {}): Promise<SecondInstance> {
  const config: AppConfig = { ...first.config, ...changes };
  const ownDataSource = first.backend === 'mysql' ? await connectDatabase(config.database) : null;
  const dataSource = ownDataSource ?? first.dataSource;
  const app = await createApp(config, dataSource);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('The second instance has no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}/api/v1`,
    app,
    dataSource,
    async close() {
      if (ownDataSource) {
        await app.close();
        return;
      }
      // Closing an application destroys its data source: keep the shared one for the first instance.
      const destroy = dataSource.destroy.bind(dataSource);
      dataSource.destroy = async () => undefined;
      try {
        await app.close();
      } finally {
        dataSource.destroy = destroy;
      }
    },
  };
}
