import 'reflect-metadata';
import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, type FakeWechat, startFakeWechat, WechatPath } from '@ankang/fake-wechat';
import { NoticeFanOutState, OrgKind } from '@ankang/shared';
import { type DataSource, In } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { connectDatabase } from '../src/database/connect-database';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { Notice } from '../src/notices/notice.entity';
import { NoticeReceipt } from '../src/notices/notice-receipt.entity';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../src/subscriptions/wechat-message-delivery.entity';
import { User } from '../src/users/user.entity';
import { createOrgUnit } from './factories/org.factory';
import { createWorkers, grantNoticeTemplate, insertNotice, NOTICE_TEMPLATE } from './notices-fan-out-support';
import { type Backend, type PreparedDatabase, prepareDatabase, testBackends } from './support/backends';
import { freePort, requireBuiltServer, type ServerProcess, spawnServer } from './support/server-process';

/**
 * The compiled server (server/dist/main.js) as an operator runs it, its jobs on, sending to the fake
 * WeChat over HTTP: killed with SIGKILL in the middle of a fan-out and of its sends, then started
 * again; and two of them on one MariaDB at once. Whatever happens, every recipient ends with a
 * receipt, an inbox entry and a settled delivery, and the fake WeChat counts no message twice.
 */
const RECIPIENTS = 1500;
/** The shortest lease WECHAT_TIMEOUT_MS 2000 allows (six calls and their pauses). */
const LEASE_SECONDS = 14;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000, stepMs = 25) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(stepMs);
  }
}

describe.each(testBackends())('notice fan-out in server processes on %s', (backend: Backend) => {
  let database: PreparedDatabase;
  let environment: Record<string, string>;
  let dataSource: DataSource;
  let fake: FakeWechat;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    requireBuiltServer();
    database = await prepareDatabase(backend);
    fake = await startFakeWechat({ appId: DEFAULT_APP_ID, appSecret: DEFAULT_APP_SECRET });
    environment = {
      NODE_ENV: 'test',
      WECHAT_APPID: DEFAULT_APP_ID,
      WECHAT_SECRET: DEFAULT_APP_SECRET,
      WECHAT_API_BASE_URL: fake.url,
      WECHAT_TEMPLATE_NOTICE: NOTICE_TEMPLATE,
      WECHAT_TIMEOUT_MS: '2000',
      WECHAT_SENDING_LEASE_SECONDS: String(LEASE_SECONDS),
      WECHAT_SEND_RATE_PER_SECOND: '400',
      NOTICE_JOB_INTERVAL_SECONDS: '1',
      DEADLINE_JOB_INTERVAL_SECONDS: '3600',
      JOBS_ENABLED: 'true',
      ...database.environment,
    };
    // The test's own connection: it migrates the database, writes the people and reads the outcome.
    dataSource = await connectDatabase(loadConfig({ ...environment, JOBS_ENABLED: 'false' }).database);
  });

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    if (dataSource?.isInitialized) await dataSource.destroy();
    await fake?.close();
    database?.dispose();
  });

  beforeEach(() => fake.reset());

  async function startServer(): Promise<ServerProcess> {
    const port = await freePort();
    const server = spawnServer({ PORT: String(port), LOG_LEVEL: 'info', ...environment });
    servers.push(server);
    await waitFor(
      'the server to answer /health',
      async () => {
        if (server.child.exitCode !== null) {
          throw new Error(`The server exited with ${server.child.exitCode}:\n${server.output()}`);
        }
        return (await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => undefined))?.ok ?? false;
      },
      30_000,
      100,
    );
    return server;
  }

  async function kill(server: ServerProcess): Promise<void> {
    server.child.kill('SIGKILL');
    await server.exited;
  }

  /** A published notice to `RECIPIENTS` workers of a union of its own, each holding one grant. */
  async function publishedNotice(): Promise<{ notice: Notice; userIds: number[] }> {
    const union = await createOrgUnit(dataSource, { kind: OrgKind.Union });
    const enterprise = await createOrgUnit(dataSource, { kind: OrgKind.Enterprise, parent: union });
    const userIds = await createWorkers(dataSource, enterprise, RECIPIENTS, (name) => fake.openIdFor(name));
    await grantNoticeTemplate(dataSource, userIds);
    return { notice: await insertNotice(dataSource, { scope: union }), userIds };
  }

  const noticeOf = (notice: Notice) => dataSource.getRepository(Notice).findOneByOrFail({ id: notice.id });
  const deliveriesOf = (notice: Notice) =>
    dataSource.getRepository(WechatMessageDelivery).findBy({ page: `pages/notice/detail?id=${notice.id}` });
  const receiptCount = (notice: Notice) => dataSource.getRepository(NoticeReceipt).countBy({ noticeId: notice.id });

  async function settled(notice: Notice): Promise<boolean> {
    if ((await noticeOf(notice)).fanOutState !== NoticeFanOutState.Done) return false;
    const unsettled = await dataSource.getRepository(WechatMessageDelivery).countBy({
      page: `pages/notice/detail?id=${notice.id}`,
      status: In([WechatDeliveryStatus.Pending, WechatDeliveryStatus.Sending]),
    });
    return unsettled === 0;
  }

  /** Every recipient covered once; every delivery settled; the fake accepted each message at most once. */
  async function expectCoveredOnce(notice: Notice, userIds: number[]) {
    const receipts = await dataSource.getRepository(NoticeReceipt).findBy({ noticeId: notice.id });
    expect(new Set(receipts.map((receipt) => receipt.userId))).toEqual(new Set(userIds));
    expect(receipts).toHaveLength(userIds.length);
    expect(await dataSource.getRepository(InboxMessage).countBy({ link: `/pages/notice/detail?id=${notice.id}` })).toBe(
      userIds.length,
    );
    expect(await noticeOf(notice)).toEqual(expect.objectContaining({ recipientCount: userIds.length }));

    const deliveries = await deliveriesOf(notice);
    expect(deliveries).toHaveLength(userIds.length);
    const sent = deliveries.filter((delivery) => delivery.status === WechatDeliveryStatus.Sent);
    const abandoned = deliveries.filter(
      (delivery) => delivery.status === WechatDeliveryStatus.Failed && delivery.lastError?.startsWith('abandoned'),
    );
    // Nothing else: every recipient held a grant and WeChat answered every call it got.
    expect(sent.length + abandoned.length).toBe(userIds.length);

    const counts = fake.subscribeCounts();
    expect(counts.duplicates).toBe(0);
    expect(counts.accepted).toBe(counts.distinct);
    const openIds = new Map(
      (await dataSource.getRepository(User).findBy({ id: In(userIds) })).map((user) => [user.id, user.openId]),
    );
    const accepted = new Set(
      fake
        .requests(WechatPath.SubscribeSend)
        .filter((call) => call.errcode === 0)
        .map((call) => (call.body as { touser: string }).touser),
    );
    // Every message the database calls sent reached WeChat; beyond those, WeChat may only have the
    // ones in flight when a server was killed (outcome unknown: failed, never sent again).
    for (const delivery of sent) expect(accepted.has(openIds.get(delivery.userId) as string)).toBe(true);
    const inFlight = new Set(abandoned.map((delivery) => openIds.get(delivery.userId)));
    for (const openId of accepted) {
      if (!sent.some((delivery) => openIds.get(delivery.userId) === openId)) expect(inFlight.has(openId)).toBe(true);
    }
    expect(counts.distinct).toBeGreaterThanOrEqual(sent.length);
    expect(counts.distinct).toBeLessThanOrEqual(sent.length + abandoned.length);
    return { sent: sent.length, abandoned: abandoned.length, distinct: counts.distinct };
  }

  it('resumes after SIGKILL mid-fan-out and again mid-send: every recipient covered, nothing sent twice', async () => {
    const { notice, userIds } = await publishedNotice();
    fake.injectFault({ kind: 'latency', ms: 15, path: WechatPath.SubscribeSend });

    // First kill: some receipts written, the audience not yet walked.
    const first = await startServer();
    await waitFor('the fan-out to be under way', async () => (await receiptCount(notice)) > 0, 30_000, 5);
    await kill(first);
    const afterFirstKill = await noticeOf(notice);

    // Second kill: in the middle of the sends.
    const second = await startServer();
    await waitFor('some sends', async () => fake.subscribeCounts().accepted >= 200, 60_000);
    await kill(second);
    expect(fake.subscribeCounts().accepted).toBeLessThan(RECIPIENTS);

    const third = await startServer();
    await waitFor('every delivery to settle', () => settled(notice), 90_000, 200);
    await kill(third);

    const outcome = await expectCoveredOnce(notice, userIds);
    // The first kill did land before the fan-out was done (else it proved nothing about resuming it).
    expect(afterFirstKill.fanOutState).not.toBe(NoticeFanOutState.Done);
    expect(outcome.sent).toBeGreaterThan(0);
  });

  if (backend === 'mysql') {
    it('lets two server processes on one MariaDB share the same fan-out, with no duplicate send', async () => {
      const { notice, userIds } = await publishedNotice();
      fake.injectFault({ kind: 'latency', ms: 5, path: WechatPath.SubscribeSend });
      const pair = await Promise.all([startServer(), startServer()]);
      await waitFor('every delivery to settle', () => settled(notice), 90_000, 200);
      const outputs = pair.map((server) => server.output());
      await Promise.all(pair.map(kill));

      const outcome = await expectCoveredOnce(notice, userIds);
      expect(outcome).toEqual({ sent: userIds.length, abandoned: 0, distinct: userIds.length });
      // Each process's job logged what it did: both wrote recipients or sent messages.
      const work = outputs.map((output) =>
        output
          .split('\n')
          .filter((line) => line.includes('"msg":"Notice fan-out ran"'))
          .map((line) => JSON.parse(line) as { recipients: number; deliveries: { sent: number } })
          .reduce((sum, run) => sum + run.recipients + run.deliveries.sent, 0),
      );
      expect(work[0]).toBeGreaterThan(0);
      expect(work[1]).toBeGreaterThan(0);
    });
  }
});
