import { WechatPath } from '@ankang/fake-wechat';
import { NoticeFanOutState, NoticeState, OrgKind } from '@ankang/shared';
import { In } from 'typeorm';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { Notice } from '../src/notices/notice.entity';
import { FAN_OUT_BATCH_SIZE, NoticeFanOutService } from '../src/notices/notice-fan-out.service';
import { NoticeReceipt } from '../src/notices/notice-receipt.entity';
import type { OrgUnit } from '../src/org/org-unit.entity';
import { SubscribeMessagesService } from '../src/subscriptions/subscribe-messages.service';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../src/subscriptions/wechat-message-delivery.entity';
import { WechatSubscription } from '../src/subscriptions/wechat-subscription.entity';
import { createOrgUnit } from './factories/org.factory';
import { createWorkers, grantNoticeTemplate, insertNotice, NOTICE_TEMPLATE } from './notices-fan-out-support';
import { testBackends } from './support/backends';
import { startSecondInstance } from './support/second-instance';
import { startTestApp, type TestApp } from './support/test-app';

const SECOND_MS = 1000;

describe.each(testBackends())('notice fan-out on %s', (backend) => {
  let app: TestApp;
  let fanOut: NoticeFanOutService;

  beforeAll(async () => {
    app = await startTestApp(backend, {
      WECHAT_TEMPLATE_NOTICE: NOTICE_TEMPLATE,
      WECHAT_SEND_RATE_PER_SECOND: '1000',
      WECHAT_SEND_RETRY_BASE_SECONDS: '1',
      // The fake answers from this very process, which the two in-process servers keep busy: a
      // loaded machine must not turn slow answers into timeouts (outcome unknown, not sent).
      WECHAT_TIMEOUT_MS: '10000',
    });
    fanOut = app.app.get(NoticeFanOutService);
  });

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(async () => {
    // Each test counts the sends of its own notices: whatever an earlier test left queued is settled first.
    await app.dataSource
      .getRepository(WechatMessageDelivery)
      .update(
        { status: WechatDeliveryStatus.Pending },
        { status: WechatDeliveryStatus.Skipped, lastError: 'test cleanup' },
      );
    app.wechat.reset();
  });

  /** A union of its own with one enterprise of `workers` people, each holding `grants` notice grants. */
  const unionWithWorkers = async (workers: number, grants = 1) => {
    const union = await createOrgUnit(app.dataSource, { kind: OrgKind.Union });
    const enterprise = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: union });
    const userIds = await createWorkers(app.dataSource, enterprise, workers, (name) => app.wechat.openIdFor(name));
    if (grants > 0) await grantNoticeTemplate(app.dataSource, userIds, grants);
    return { union, enterprise, userIds };
  };
  const noticeRow = (id: number) => app.dataSource.getRepository(Notice).findOneByOrFail({ id });
  const receiptsOf = (notice: Notice) => app.dataSource.getRepository(NoticeReceipt).findBy({ noticeId: notice.id });
  const deliveriesOf = (notice: Notice) =>
    app.dataSource.getRepository(WechatMessageDelivery).findBy({ page: `pages/notice/detail?id=${notice.id}` });
  const inboxOf = (notice: Notice) =>
    app.dataSource.getRepository(InboxMessage).countBy({ link: `/pages/notice/detail?id=${notice.id}` });
  const sortedIds = (ids: readonly number[]) => [...ids].sort((first, second) => first - second);
  const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
    items.reduce<Record<string, number>>((counts, item) => {
      counts[key(item)] = (counts[key(item)] ?? 0) + 1;
      return counts;
    }, {});

  it('walks a large audience batch by batch from its cursor, writing each recipient once', async () => {
    const { union, enterprise, userIds } = await unionWithWorkers(FAN_OUT_BATCH_SIZE * 2 + 37, 0);
    const notice = await insertNotice(app.dataSource, { scope: union });
    // As the notices API publishes it: the audience count taken at publishing, until the fan-out writes.
    await app.dataSource.getRepository(Notice).update({ id: notice.id }, { recipientCount: userIds.length });

    const first = await fanOut.fanOutBatch();
    expect(first).toEqual({ noticeId: notice.id, recipients: FAN_OUT_BATCH_SIZE, done: false });
    const afterFirst = await noticeRow(notice.id);
    expect(afterFirst).toEqual(
      expect.objectContaining({
        fanOutState: NoticeFanOutState.Running,
        fanOutCursor: userIds[FAN_OUT_BATCH_SIZE - 1],
        // Still the audience counted at publishing: staff watch 送达 n/N climb to it.
        recipientCount: userIds.length,
      }),
    );
    expect(await inboxOf(notice)).toBe(FAN_OUT_BATCH_SIZE);

    // A server that stops here and another that takes over: the rest, and nothing twice.
    expect(await fanOut.fanOutAll()).toEqual({ recipients: FAN_OUT_BATCH_SIZE + 37, finished: 1 });
    const done = await noticeRow(notice.id);
    expect(done).toEqual(
      expect.objectContaining({
        fanOutState: NoticeFanOutState.Done,
        fanOutCursor: userIds.at(-1),
        recipientCount: userIds.length,
      }),
    );
    const receipts = await receiptsOf(notice);
    expect(sortedIds(receipts.map((receipt) => receipt.userId))).toEqual(userIds);
    expect(receipts.every((receipt) => receipt.enterpriseId === enterprise.id)).toBe(true);
    expect(await inboxOf(notice)).toBe(userIds.length);
    expect(await deliveriesOf(notice)).toHaveLength(userIds.length);
    expect(await fanOut.fanOutBatch()).toBeNull();
  });

  it('publishes a scheduled notice when its time comes, not before', async () => {
    const { union, userIds } = await unionWithWorkers(3);
    const later = new Date(Date.now() + 3600 * SECOND_MS);
    const due = await insertNotice(app.dataSource, {
      scope: union,
      state: NoticeState.Scheduled,
      publishAt: new Date(Date.now() - SECOND_MS),
    });
    const waiting = await insertNotice(app.dataSource, {
      scope: union,
      state: NoticeState.Scheduled,
      publishAt: later,
    });

    const summary = await fanOut.runOnce();
    expect(summary.published).toBeGreaterThanOrEqual(1);
    expect(await noticeRow(due.id)).toEqual(
      expect.objectContaining({ state: NoticeState.Published, fanOutState: NoticeFanOutState.Done, recipientCount: 3 }),
    );
    expect((await noticeRow(due.id)).publishedAt).not.toBeNull();
    expect(await noticeRow(waiting.id)).toEqual(expect.objectContaining({ state: NoticeState.Scheduled }));
    expect(await receiptsOf(waiting)).toHaveLength(0);
    const sends = app.wechat.requests(WechatPath.SubscribeSend);
    expect(sends).toHaveLength(userIds.length);

    await fanOut.runOnce(new Date(later.getTime() + SECOND_MS));
    expect(await noticeRow(waiting.id)).toEqual(expect.objectContaining({ state: NoticeState.Published }));
    expect(await receiptsOf(waiting)).toHaveLength(3);
  });

  it('stops fanning out a withdrawn notice and cancels its unsent WeChat messages', async () => {
    const { union } = await unionWithWorkers(FAN_OUT_BATCH_SIZE + 10);
    const notice = await insertNotice(app.dataSource, { scope: union });
    expect(await fanOut.fanOutBatch()).toEqual(expect.objectContaining({ noticeId: notice.id, done: false }));

    // As the notices API withdraws: the notice first (waiting for a batch that holds it), then its queue.
    const cancelled = await app.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(Notice)
        .update({ id: notice.id }, { state: NoticeState.Withdrawn, withdrawnAt: new Date() });
      return app.app.get(SubscribeMessagesService).cancelPending(manager, `notice:${notice.id}:`, 'notice withdrawn');
    });
    expect(cancelled).toBe(FAN_OUT_BATCH_SIZE);

    await fanOut.runOnce();
    expect(await receiptsOf(notice)).toHaveLength(FAN_OUT_BATCH_SIZE);
    const deliveries = await deliveriesOf(notice);
    expect(countBy(deliveries, (delivery) => delivery.status)).toEqual({
      [WechatDeliveryStatus.Skipped]: FAN_OUT_BATCH_SIZE,
    });
    expect(deliveries.every((delivery) => delivery.lastError === 'notice withdrawn')).toBe(true);
    expect(app.wechat.requestCount(WechatPath.SubscribeSend)).toBe(0);
    // Their grants were never spent.
    const grants = await app.dataSource
      .getRepository(WechatSubscription)
      .findBy({ userId: In(deliveries.map((delivery) => delivery.userId)), templateId: NOTICE_TEMPLATE });
    expect(grants.every((grant) => grant.remaining === 1)).toBe(true);
  });

  it('retries busy and quota answers with backoff, never a refusal, and sends nothing twice', async () => {
    const { union, userIds } = await unionWithWorkers(120);
    const notice = await insertNotice(app.dataSource, { scope: union });
    app.wechat.configure({ faultSeed: 6 });
    app.wechat.injectFault([
      { kind: 'busy', probability: 0.15, path: WechatPath.SubscribeSend },
      { kind: 'errcode', errcode: 45009, probability: 0.1, path: WechatPath.SubscribeSend },
      { kind: 'errcode', errcode: 43101, probability: 0.1, path: WechatPath.SubscribeSend },
    ]);

    // A moment just after the fan-out queues the messages (it stamps them with the real time).
    let now = Date.now() + 5 * SECOND_MS;
    const first = await fanOut.runOnce(new Date(now));
    expect(first.deliveries.retrying).toBeGreaterThan(0);
    // Later runs, each past the longest backoff so far (1 s base, doubling): the retries go out.
    for (let run = 0; run < 6; run += 1) {
      now += 60 * SECOND_MS;
      await fanOut.runOnce(new Date(now));
    }

    const deliveries = await deliveriesOf(notice);
    const statuses = countBy(deliveries, (delivery) => delivery.status);
    expect((statuses.sent ?? 0) + (statuses.skipped ?? 0) + (statuses.failed ?? 0)).toBe(userIds.length);
    const refused = deliveries.filter((delivery) => delivery.lastError?.includes('43101'));
    expect(refused.length).toBeGreaterThan(0);
    // A refusal settles the delivery as skipped, never tried again (one 43101 each), the person's grants zeroed.
    expect(refused.every((delivery) => delivery.status === WechatDeliveryStatus.Skipped)).toBe(true);
    const retried = deliveries.filter(
      (delivery) => delivery.status === WechatDeliveryStatus.Sent && delivery.attempts > 1,
    );
    expect(retried.length).toBeGreaterThan(0);
    const counts = app.wechat.subscribeCounts();
    expect(counts.errcodes['43101']).toBe(refused.length);
    expect(counts.duplicates).toBe(0);
    expect(counts.accepted).toBe(statuses.sent);
    expect(counts.distinct).toBe(statuses.sent);
    const zeroed = await app.dataSource
      .getRepository(WechatSubscription)
      .findBy({ userId: In(refused.map((delivery) => delivery.userId)), templateId: NOTICE_TEMPLATE });
    expect(zeroed.every((grant) => grant.remaining === 0)).toBe(true);
  });

  it('refreshes an access token WeChat stops accepting mid-fan-out once, and sends the rest', async () => {
    const { union, userIds } = await unionWithWorkers(240);
    const notice = await insertNotice(app.dataSource, { scope: union });
    app.wechat.injectFault({ kind: 'latency', ms: 5, path: WechatPath.SubscribeSend });

    const running = fanOut.runOnce();
    while (app.wechat.requestCount(WechatPath.SubscribeSend) < 40) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const tokensBefore = app.wechat.requestCount(WechatPath.StableToken);
    app.wechat.injectFault({ kind: 'invalidateToken' });
    await running;

    expect(app.wechat.requestCount(WechatPath.StableToken)).toBe(tokensBefore + 1);
    const counts = app.wechat.subscribeCounts();
    expect(counts.errcodes['40001']).toBeGreaterThan(0);
    expect(counts).toEqual(
      expect.objectContaining({ accepted: userIds.length, distinct: userIds.length, duplicates: 0 }),
    );
    const deliveries = await deliveriesOf(notice);
    expect(deliveries.every((delivery) => delivery.status === WechatDeliveryStatus.Sent)).toBe(true);
    expect(deliveries).toHaveLength(userIds.length);
  });

  it('splits the work between two server instances on one database, with no duplicate send', async () => {
    const unions: OrgUnit[] = [];
    const everyone: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const { union, userIds } = await unionWithWorkers(FAN_OUT_BATCH_SIZE / 2);
      unions.push(union);
      everyone.push(...userIds);
    }
    const notices = [];
    for (const union of unions) notices.push(await insertNotice(app.dataSource, { scope: union }));
    app.wechat.injectFault({ kind: 'latency', ms: 3, path: WechatPath.SubscribeSend });
    const second = await startSecondInstance(app);
    try {
      const [mine, theirs] = await Promise.all([fanOut.runOnce(), second.app.get(NoticeFanOutService).runOnce()]);

      expect(mine.recipients + theirs.recipients).toBe(everyone.length);
      const errors = countBy(
        (await app.dataSource.getRepository(WechatMessageDelivery).findBy({ userId: In(everyone) })).filter(
          (delivery) => delivery.status !== WechatDeliveryStatus.Sent,
        ),
        (delivery) => `${delivery.status}: ${delivery.lastError}`,
      );
      expect(errors).toEqual({});
      expect(mine.deliveries.sent + theirs.deliveries.sent).toBe(everyone.length);
      if (backend === 'mysql') {
        // Row claims passed each server over what the other held: both did part of the work.
        expect(mine.recipients).toBeGreaterThan(0);
        expect(theirs.recipients).toBeGreaterThan(0);
        expect(mine.deliveries.sent).toBeGreaterThan(0);
        expect(theirs.deliveries.sent).toBeGreaterThan(0);
      }
    } finally {
      await second.close();
    }
    for (const notice of notices) {
      expect(await noticeRow(notice.id)).toEqual(
        expect.objectContaining({ fanOutState: NoticeFanOutState.Done, recipientCount: FAN_OUT_BATCH_SIZE / 2 }),
      );
    }
    const receipts = await app.dataSource
      .getRepository(NoticeReceipt)
      .findBy({ noticeId: In(notices.map((notice) => notice.id)) });
    expect(sortedIds(receipts.map((receipt) => receipt.userId))).toEqual(sortedIds(everyone));
    expect(app.wechat.subscribeCounts()).toEqual(
      expect.objectContaining({ accepted: everyone.length, distinct: everyone.length, duplicates: 0 }),
    );
  });
});
