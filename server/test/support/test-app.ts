import 'reflect-metadata';
import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, type FakeWechat, startFakeWechat } from '@ankang/fake-wechat';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { TokenService } from '../../src/auth/token-service';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { connectDatabase } from '../../src/database/connect-database';
import { type Backend, prepareDatabase } from './backends';
import { type HttpResult, request } from './http';

export interface TestApp {
  backend: Backend;
  baseUrl: string;
  app: NestFastifyApplication;
  dataSource: DataSource;
  config: AppConfig;
  wechat: FakeWechat;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database of the backend, listening on an ephemeral loopback port,
 * talking real HTTP to a fake WeChat server of its own.
 */
export async function startTestApp(backend: Backend, environment: Record<string, string> = {}): Promise<TestApp> {
  const database = await prepareDatabase(backend);
  const wechat = await startFakeWechat({ appId: DEFAULT_APP_ID, appSecret: DEFAULT_APP_SECRET });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WECHAT_APPID: DEFAULT_APP_ID,
    WECHAT_SECRET: DEFAULT_APP_SECRET,
    WECHAT_API_BASE_URL: wechat.url,
    WECHAT_TIMEOUT_MS: '1000',
    // Suites log in far more often than a person would; the rate-limit test sets its own limit.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    // Scheduled jobs would run at their own moments; tests run them by hand (e.g. DeadlineRemindersJob.runOnce).
    JOBS_ENABLED: 'false',
    ...database.environment,
    ...environment,
  });
  const dataSource = await connectDatabase(config.database);
  const app = await createApp(config, dataSource);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('The test app has no TCP address');
  return {
    backend,
    baseUrl: `http://127.0.0.1:${address.port}/api/v1`,
    app,
    dataSource,
    config,
    wechat,
    async close() {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await wechat.close();
      database.dispose();
    },
  };
}

/** A valid access token for a user, as if they had just logged in. */
export function accessTokenFor(app: TestApp, user: { id: number }): string {
  return app.app.get(TokenService).signAccessToken(user.id);
}

/** What a suite does with its app once it has started: keeps it in its own variables, sets up more. */
export type AppReady<T extends unknown[]> = (...started: T) => void | Promise<void>;

/**
 * Starts an app before the suite's tests and stops it after them. `ready` gets it inside beforeAll,
 * so a failed start or setup fails the suite's tests, and the app is stopped whatever happened.
 */
export function useApp<T>(start: () => Promise<T>, stop: (app: T) => Promise<void>, ready: AppReady<[T]>): void {
  let app: T | undefined;
  beforeAll(async () => {
    app = await start();
    await ready(app);
  });
  afterAll(async () => {
    // A test that froze the clock must not leave the shutdown waiting on it.
    jest.useRealTimers();
    if (app !== undefined) await stop(app);
  });
}

/** The real application (see startTestApp) for the suite: started before its tests, closed after them. */
export function useTestApp(
  backend: Backend,
  ready: AppReady<[TestApp]>,
  environment: Record<string, string> = {},
): void {
  useApp(
    () => startTestApp(backend, environment),
    (app) => app.close(),
    (app) => ready(app),
  );
}

/** `call(method, path, as, body)`: the API of the suite's app, as a signed-in person. */
export function callerOf(app: () => TestApp) {
  return <T = any>(method: string, path: string, as: { id: number }, body?: unknown): Promise<HttpResult<T>> =>
    request<T>(method, `${app().baseUrl}${path}`, { token: accessTokenFor(app(), as), body });
}
