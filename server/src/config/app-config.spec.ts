import { DatabaseDriver, WechatSubscribePurpose } from '@ankang/shared';
import { ConfigError, loadConfig } from './app-config';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'p'.repeat(40),
  WECHAT_APPID: 'wx0000000000000001',
  WECHAT_SECRET: 's'.repeat(32),
};

function variableOf(environment: Record<string, string>): string | undefined {
  try {
    loadConfig(environment);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.variable;
    throw error;
  }
}

describe('loadConfig', () => {
  it('defaults to the embedded SQLite under data/ and dev login outside production', () => {
    const config = loadConfig({});
    expect(config.database.driver).toBe(DatabaseDriver.BetterSqlite3);
    expect(config.database).toEqual(
      expect.objectContaining({ file: expect.stringMatching(/data[/\\]ankang\.sqlite$/) }),
    );
    expect(config.devLoginEnabled).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
  });

  it('reads a MySQL URL into its parts and keeps the password out of the printable URL', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://app:s%40cret@db.internal:3307/ankang' });
    expect(config.database).toEqual(
      expect.objectContaining({
        driver: DatabaseDriver.Mysql,
        host: 'db.internal',
        port: 3307,
        username: 'app',
        password: 's@cret',
        database: 'ankang',
      }),
    );
    expect(JSON.stringify((config.database as { url: string }).url)).not.toContain('cret');
  });

  it('accepts a complete production configuration with dev login off', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.devLoginEnabled).toBe(false);
    expect(config.environment).toBe('production');
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost/test' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://localhost' }, 'DATABASE_URL'],
    [{ ...PRODUCTION, JWT_SECRET: '' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET'],
    [{ ...PRODUCTION, WECHAT_APPID: '' }, 'WECHAT_APPID'],
    [{ ...PRODUCTION, WECHAT_SECRET: '' }, 'WECHAT_SECRET'],
    [{ WECHAT_APPID: 'wx1' }, 'WECHAT_SECRET'],
    [{ ...PRODUCTION, DEV_LOGIN: 'true' }, 'DEV_LOGIN'],
    [{ ...PRODUCTION, SEED_DEMO: '1' }, 'SEED_DEMO'],
    [{ DEV_LOGIN: 'maybe' }, 'DEV_LOGIN'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ WECHAT_API_BASE_URL: 'ftp://example.com' }, 'WECHAT_API_BASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WECHAT_QR_ENV_VERSION: 'beta' }, 'WECHAT_QR_ENV_VERSION'],
    [{ PUBLIC_BASE_URL: 'ankang.example.cn' }, 'PUBLIC_BASE_URL'],
    [{ H5_DIST_DIR: '/definitely/not/here' }, 'H5_DIST_DIR'],
    [{ JOBS_ENABLED: 'sometimes' }, 'JOBS_ENABLED'],
    [{ DEADLINE_JOB_INTERVAL_SECONDS: '1' }, 'DEADLINE_JOB_INTERVAL_SECONDS'],
    [{ DEADLINE_JOB_INTERVAL_SECONDS: 'hourly' }, 'DEADLINE_JOB_INTERVAL_SECONDS'],
    [{ WECHAT_TEMPLATE_HAZARD_REMINDER: 'has spaces' }, 'WECHAT_TEMPLATE_HAZARD_REMINDER'],
    [{ WECHAT_TEMPLATE_HAZARD_ALERT: 'x'.repeat(65) }, 'WECHAT_TEMPLATE_HAZARD_ALERT'],
    [{ WECHAT_TEMPLATE_NOTICE: 'has spaces' }, 'WECHAT_TEMPLATE_NOTICE'],
    [{ WECHAT_MINIPROGRAM_STATE: 'release' }, 'WECHAT_MINIPROGRAM_STATE'],
  ])('names the bad variable of %j', (environment, variable) => {
    expect(variableOf(environment)).toBe(variable);
  });

  it('prints posters with links to where people reach the server', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicBaseUrl).toBe('http://0.0.0.0:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://ankang.example.cn/' }).publicBaseUrl).toBe(
      'https://ankang.example.cn',
    );
  });

  it('runs the scheduled jobs every minute unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.jobsEnabled).toBe(true);
    expect(config.deadlineJobIntervalSeconds).toBe(60);
    const quiet = loadConfig({ JOBS_ENABLED: 'false', DEADLINE_JOB_INTERVAL_SECONDS: '300' });
    expect(quiet.jobsEnabled).toBe(false);
    expect(quiet.deadlineJobIntervalSeconds).toBe(300);
  });

  it('sends no subscribe messages for a purpose without a template, to the formal version by default', () => {
    const unset = loadConfig({});
    expect(unset.wechat.subscribeTemplates).toEqual({
      [WechatSubscribePurpose.HazardReminder]: null,
      [WechatSubscribePurpose.HazardAlert]: null,
      [WechatSubscribePurpose.Notice]: null,
    });
    expect(unset.wechat.miniProgramState).toBe('formal');
    const configured = loadConfig({
      WECHAT_TEMPLATE_HAZARD_REMINDER: 'Reminder_Template-01',
      WECHAT_MINIPROGRAM_STATE: 'trial',
    });
    expect(configured.wechat.subscribeTemplates[WechatSubscribePurpose.HazardReminder]).toBe('Reminder_Template-01');
    expect(configured.wechat.subscribeTemplates[WechatSubscribePurpose.HazardAlert]).toBeNull();
    expect(configured.wechat.miniProgramState).toBe('trial');
  });

  it('paces WeChat sends at 200 a second, 16 in flight, retries after a minute and leases for 15 minutes by default', () => {
    const config = loadConfig({});
    expect(config.noticeJobIntervalSeconds).toBe(5);
    expect(config.wechatSending).toEqual({
      ratePerSecond: 200,
      concurrency: 16,
      retryBaseSeconds: 60,
      leaseSeconds: 900,
    });
    const tuned = loadConfig({
      NOTICE_JOB_INTERVAL_SECONDS: '1',
      WECHAT_SEND_RATE_PER_SECOND: '2000',
      WECHAT_SEND_CONCURRENCY: '32',
      WECHAT_SEND_RETRY_BASE_SECONDS: '1',
      WECHAT_TIMEOUT_MS: '1000',
      WECHAT_SENDING_LEASE_SECONDS: '8',
    });
    expect(tuned.noticeJobIntervalSeconds).toBe(1);
    expect(tuned.wechatSending).toEqual({ ratePerSecond: 2000, concurrency: 32, retryBaseSeconds: 1, leaseSeconds: 8 });
  });

  it.each([
    [{ NOTICE_JOB_INTERVAL_SECONDS: '0' }, 'NOTICE_JOB_INTERVAL_SECONDS'],
    [{ WECHAT_SEND_RATE_PER_SECOND: '0' }, 'WECHAT_SEND_RATE_PER_SECOND'],
    [{ WECHAT_SEND_CONCURRENCY: 'many' }, 'WECHAT_SEND_CONCURRENCY'],
    [{ WECHAT_SEND_RETRY_BASE_SECONDS: '-1' }, 'WECHAT_SEND_RETRY_BASE_SECONDS'],
    // Shorter than six 5-second calls (the send and a token refresh, three attempts each): a delivery
    // still in flight would be failed.
    [{ WECHAT_SENDING_LEASE_SECONDS: '31' }, 'WECHAT_SENDING_LEASE_SECONDS'],
    [{ WECHAT_TIMEOUT_MS: '1000', WECHAT_SENDING_LEASE_SECONDS: '7' }, 'WECHAT_SENDING_LEASE_SECONDS'],
  ])('refuses sending settings %j', (environment, variable) => {
    expect(variableOf(environment)).toBe(variable);
  });

  it('puts the variable name in the message', () => {
    expect(() => loadConfig({ ...PRODUCTION, DEV_LOGIN: 'on' })).toThrow(/^Invalid configuration: DEV_LOGIN /);
  });
});
