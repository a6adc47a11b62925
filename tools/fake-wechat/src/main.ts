#!/usr/bin/env node
import { startFakeWechat } from './fake-wechat';

function portFromEnvironment(): number {
  const text = process.env.FAKE_WECHAT_PORT ?? '3100';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`FAKE_WECHAT_PORT must be a port number, got "${text}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const fake = await startFakeWechat({
    port: portFromEnvironment(),
    host: process.env.FAKE_WECHAT_HOST || '127.0.0.1',
    // Empty variables count as unset so a blank line in an env file keeps the defaults.
    appId: process.env.WECHAT_APPID || undefined,
    appSecret: process.env.WECHAT_SECRET || undefined,
  });
  console.log(`fake-wechat listening on ${fake.url} (appid ${fake.appId})`);
  const shutdown = (signal: string) => {
    console.log(`fake-wechat: ${signal}, closing`);
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
