import { existsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseDriver, WechatSubscribePurpose } from '@ankang/shared';

/** The server's whole configuration, read once from the environment and validated at boot. */
export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  database: MysqlDatabaseConfig | SqliteDatabaseConfig;
  jwt: {
    secret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
  };
  wechat: {
    appId: string | null;
    appSecret: string | null;
    apiBaseUrl: string;
    timeoutMs: number;
    /** Which version of the mini program workplace codes open: release, trial or develop. */
    qrCodeEnvVersion: 'release' | 'trial' | 'develop';
    /** The subscribe-message template of each purpose; null: no WeChat messages for it. */
    subscribeTemplates: Record<WechatSubscribePurpose, string | null>;
    /** Which version of the mini program a subscribe message opens: formal, trial or developer. */
    miniProgramState: 'formal' | 'trial' | 'developer';
  };
  /** Where people reach this server, for links printed on posters (the H5 landing page). */
  publicBaseUrl: string;
  /** Folder of the local file storage (QR images, photos): never served directly. */
  storageDirectory: string;
  devLoginEnabled: boolean;
  /** Seed the demo province into an empty database at start (development only). */
  seedDemo: boolean;
  /** Trust X-Forwarded-For from a reverse proxy, so rate limits see the client's own address. */
  trustProxy: boolean;
  /** Folder of the H5 build served at `/`, or null when there is none. */
  h5DistDirectory: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logPretty: boolean;
  /** Requests to the login endpoints per minute per client address. */
  loginRateLimitPerMinute: number;
  /** Run the scheduled jobs (deadline reminders, WeChat deliveries, …); tests turn them off and run them by hand. */
  jobsEnabled: boolean;
  /** How often the deadline reminder job runs. */
  deadlineJobIntervalSeconds: number;
  /** How often the notice job publishes due notices, fans them out and sends their WeChat messages. */
  noticeJobIntervalSeconds: number;
  /** How the WeChat subscribe-message worker paces itself (per process). */
  wechatSending: WechatSendingConfig;
  version: string;
}

export interface WechatSendingConfig {
  /** Subscribe messages sent per second at most (token bucket). */
  ratePerSecond: number;
  /** Calls to WeChat in flight at once. */
  concurrency: number;
  /** The first wait before a transient failure is tried again; doubles per attempt, at most an hour. */
  retryBaseSeconds: number;
  /** A delivery left in `sending` this long belongs to a server that stopped: it becomes failed. */
  leaseSeconds: number;
}

export interface MysqlDatabaseConfig {
  driver: DatabaseDriver.Mysql;
  url: string;
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
  poolSize: number;
  connectRetries: number;
}

export interface SqliteDatabaseConfig {
  driver: DatabaseDriver.BetterSqlite3;
  file: string;
}

/** A configuration problem, always naming the variable at fault so the operator knows what to fix. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const SERVER_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_SQLITE_FILE = path.join(SERVER_ROOT, 'data', 'ankang.sqlite');
const DEFAULT_STORAGE_DIRECTORY = path.join(SERVER_ROOT, 'data', 'files');
const DEFAULT_H5_DIST = path.resolve(SERVER_ROOT, '..', 'miniprogram', 'dist', 'h5');
const DEVELOPMENT_JWT_SECRET = 'ankang-development-secret-not-for-production';
const MINIMUM_SECRET_LENGTH = 32;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Environment = Record<string, string | undefined>;

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(environment: Environment = process.env): AppConfig {
  const nodeEnvironment = readChoice(environment, 'NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = nodeEnvironment === 'production';

  const jwtSecret = readString(environment, 'JWT_SECRET');
  if (production && !jwtSecret) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  }
  if (jwtSecret && jwtSecret.length < MINIMUM_SECRET_LENGTH) {
    throw new ConfigError('JWT_SECRET', `must be at least ${MINIMUM_SECRET_LENGTH} characters long`);
  }

  const appId = readString(environment, 'WECHAT_APPID');
  const appSecret = readString(environment, 'WECHAT_SECRET');
  if (production && !appId) throw new ConfigError('WECHAT_APPID', 'is required when NODE_ENV=production');
  if (production && !appSecret) throw new ConfigError('WECHAT_SECRET', 'is required when NODE_ENV=production');
  if (Boolean(appId) !== Boolean(appSecret)) {
    throw new ConfigError(appId ? 'WECHAT_SECRET' : 'WECHAT_APPID', 'must be set together with the other');
  }

  const devLoginEnabled = readBoolean(environment, 'DEV_LOGIN', !production);
  if (production && devLoginEnabled) {
    throw new ConfigError('DEV_LOGIN', 'must not be enabled when NODE_ENV=production');
  }

  const seedDemo = readBoolean(environment, 'SEED_DEMO', false);
  if (production && seedDemo) {
    throw new ConfigError('SEED_DEMO', 'must not be enabled when NODE_ENV=production');
  }

  const h5Configured = readString(environment, 'H5_DIST_DIR');
  const h5DistDirectory = h5Configured ? path.resolve(h5Configured) : DEFAULT_H5_DIST;
  if (h5Configured && !existsSync(h5DistDirectory)) {
    throw new ConfigError('H5_DIST_DIR', `points at ${h5DistDirectory}, which does not exist`);
  }

  const host = readString(environment, 'HOST') ?? '127.0.0.1';
  const port = readInteger(environment, 'PORT', 3000, 0, 65535);
  return {
    environment: nodeEnvironment,
    host,
    port,
    database: readDatabase(environment),
    jwt: {
      secret: jwtSecret ?? DEVELOPMENT_JWT_SECRET,
      accessTokenTtlSeconds: readInteger(environment, 'JWT_ACCESS_TTL_SECONDS', 900, 5, 86400),
      refreshTokenTtlSeconds: readInteger(environment, 'JWT_REFRESH_TTL_SECONDS', 30 * 86400, 60, 365 * 86400),
    },
    wechat: {
      appId: appId ?? null,
      appSecret: appSecret ?? null,
      apiBaseUrl: readUrl(environment, 'WECHAT_API_BASE_URL', 'https://api.weixin.qq.com', ['http:', 'https:']),
      timeoutMs: readInteger(environment, 'WECHAT_TIMEOUT_MS', 5000, 100, 60000),
      qrCodeEnvVersion: readChoice(environment, 'WECHAT_QR_ENV_VERSION', ['release', 'trial', 'develop'], 'release'),
      subscribeTemplates: {
        [WechatSubscribePurpose.HazardReminder]: readTemplateId(environment, 'WECHAT_TEMPLATE_HAZARD_REMINDER'),
        [WechatSubscribePurpose.HazardAlert]: readTemplateId(environment, 'WECHAT_TEMPLATE_HAZARD_ALERT'),
        [WechatSubscribePurpose.Notice]: readTemplateId(environment, 'WECHAT_TEMPLATE_NOTICE'),
      },
      miniProgramState: readChoice(environment, 'WECHAT_MINIPROGRAM_STATE', ['formal', 'trial', 'developer'], 'formal'),
    },
    publicBaseUrl: readUrl(environment, 'PUBLIC_BASE_URL', `http://${host}:${port}`, ['http:', 'https:']),
    storageDirectory: path.resolve(readString(environment, 'STORAGE_DIR') ?? DEFAULT_STORAGE_DIRECTORY),
    devLoginEnabled,
    seedDemo,
    trustProxy: readBoolean(environment, 'TRUST_PROXY', false),
    h5DistDirectory: existsSync(h5DistDirectory) ? h5DistDirectory : null,
    logLevel: readChoice(environment, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logPretty: readBoolean(environment, 'LOG_PRETTY', false),
    loginRateLimitPerMinute: readInteger(environment, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 100000),
    jobsEnabled: readBoolean(environment, 'JOBS_ENABLED', true),
    deadlineJobIntervalSeconds: readInteger(environment, 'DEADLINE_JOB_INTERVAL_SECONDS', 60, 5, 86400),
    noticeJobIntervalSeconds: readInteger(environment, 'NOTICE_JOB_INTERVAL_SECONDS', 5, 1, 86400),
    wechatSending: readWechatSending(environment),
    version: readString(environment, 'APP_VERSION') ?? '0.1.0',
  };
}

function readWechatSending(environment: Environment): WechatSendingConfig {
  const timeoutMs = readInteger(environment, 'WECHAT_TIMEOUT_MS', 5000, 100, 60000);
  const leaseSeconds = readInteger(environment, 'WECHAT_SENDING_LEASE_SECONDS', 900, 1, 7 * 86400);
  // A lease shorter than one send can take would fail deliveries still in flight: three attempts of
  // the send and, when WeChat refuses the token, three of the token call, with their pauses.
  const shortestLease = Math.ceil((6 * timeoutMs) / 1000) + 2;
  if (leaseSeconds < shortestLease) {
    throw new ConfigError(
      'WECHAT_SENDING_LEASE_SECONDS',
      `must be at least ${shortestLease} (six WECHAT_TIMEOUT_MS calls and their pauses), got ${leaseSeconds}`,
    );
  }
  return {
    ratePerSecond: readInteger(environment, 'WECHAT_SEND_RATE_PER_SECOND', 200, 1, 100000),
    concurrency: readInteger(environment, 'WECHAT_SEND_CONCURRENCY', 16, 1, 256),
    retryBaseSeconds: readInteger(environment, 'WECHAT_SEND_RETRY_BASE_SECONDS', 60, 1, 86400),
    leaseSeconds,
  };
}

function readDatabase(environment: Environment): MysqlDatabaseConfig | SqliteDatabaseConfig {
  const url = readString(environment, 'DATABASE_URL');
  if (!url) {
    const file = readString(environment, 'SQLITE_FILE');
    return { driver: DatabaseDriver.BetterSqlite3, file: file ? path.resolve(file) : DEFAULT_SQLITE_FILE };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL; expected mysql://user:password@host:3306/database');
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new ConfigError(
      'DATABASE_URL',
      `has scheme "${parsed.protocol.replace(/:$/, '')}"; expected mysql://user:password@host:3306/database (leave it unset for the embedded SQLite)`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database || database.includes('/')) {
    throw new ConfigError('DATABASE_URL', 'must name a host and a database: mysql://user:password@host:3306/database');
  }
  const port = parsed.port ? Number(parsed.port) : 3306;
  return {
    driver: DatabaseDriver.Mysql,
    url: redactUrl(parsed),
    host: parsed.hostname,
    port,
    username: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    database,
    poolSize: readInteger(environment, 'DATABASE_POOL_SIZE', 20, 1, 500),
    connectRetries: readInteger(environment, 'DATABASE_CONNECT_RETRIES', 3, 0, 100),
  };
}

/** The URL without its password, safe for logs and error messages. */
function redactUrl(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString();
}

function readString(environment: Environment, name: string): string | undefined {
  const value = environment[name]?.trim();
  return value ? value : undefined;
}

function readInteger(environment: Environment, name: string, fallback: number, minimum: number, maximum: number) {
  const raw = readString(environment, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < minimum || value > maximum) {
    throw new ConfigError(name, `must be between ${minimum} and ${maximum}, got ${value}`);
  }
  return value;
}

function readBoolean(environment: Environment, name: string, fallback: boolean): boolean {
  const raw = readString(environment, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** A subscribe-message template id as WeChat's console shows it; unset → null. */
function readTemplateId(environment: Environment, name: string): string | null {
  const raw = readString(environment, name);
  if (raw === undefined) return null;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) {
    throw new ConfigError(name, `must be a template id from WeChat's console (letters, digits, - and _), got "${raw}"`);
  }
  return raw;
}

function readChoice<T extends string>(environment: Environment, name: string, choices: readonly T[], fallback: T): T {
  const raw = readString(environment, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function readUrl(environment: Environment, name: string, fallback: string, protocols: string[]): string {
  const raw = readString(environment, name) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw.replace(/\/+$/, '');
}
