import { CommonErrorCode, InboxMessageKind, NoticeErrorCode, NoticeFanOutState, OrgKind } from '@ankang/shared';
import { InboxService } from '../src/inbox/inbox.service';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { NoticeFanOutService } from '../src/notices/notice-fan-out.service';
import type { OrgUnit } from '../src/org/org-unit.entity';
import type { User } from '../src/users/user.entity';
import {
  createEnterprise,
  createReceipt,
  NoticesClient,
  noticeRequest,
  useNoticesApp,
} from './factories/notice.factory';
import type { TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import type { TestApp } from './support/test-app';
import { createWorker } from './training-support';

describe.each(testBackends())('my notices on %s', (backend) => {
  let app: TestApp;
  let client: NoticesClient;
  let tree: TestTree;
  useNoticesApp(backend, (started, startedClient, startedTree) => {
    app = started;
    client = startedClient;
    tree = startedTree;
  });

  /** An enterprise of its own with two workers, and a notice published to it (receipts as the fan-out writes them). */
  async function received(
    overrides: Parameters<typeof noticeRequest>[1] = {},
    people?: { enterprise: OrgUnit; recipients: User[] },
  ) {
    const enterprise = people?.enterprise ?? (await createEnterprise(app, tree.units.countyA, '丁一矿业'));
    const recipients = people?.recipients ?? [await createWorker(app, enterprise), await createWorker(app, enterprise)];
    const notice = await client.published(tree.users.staffCountyA, noticeRequest(enterprise, overrides));
    for (const user of recipients) await createReceipt(app.dataSource, { noticeId: notice.id, user, node: enterprise });
    return { enterprise, recipients, notice };
  }

  it('lists the published notices the person received, newest first, with the badge counts', async () => {
    const first = await received({ title: '第一条通知' });
    const [worker] = first.recipients;
    const second = await received({ title: '第二条通知', acknowledgementRequired: false }, first);
    await client.call('POST', '/notices', tree.users.staffCountyA, noticeRequest(first.enterprise));

    const list = await client.call('GET', '/me/notices', worker);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: second.notice.id, title: '第二条通知', acknowledgementRequired: false }),
      {
        id: first.notice.id,
        title: '第一条通知',
        kind: first.notice.kind,
        bodyHtml: first.notice.bodyHtml,
        from: first.enterprise.name,
        publishedAt: first.notice.publishedAt,
        acknowledgementRequired: true,
        readAt: null,
        acknowledgedAt: null,
      },
    ]);
    expect((await client.call('GET', '/me/notices/counts', worker)).body).toEqual({ unread: 2, unacknowledged: 1 });

    const unacknowledged = await client.call('GET', '/me/notices?unacknowledgedOnly=true', worker);
    expect(unacknowledged.body.items.map((item: { id: string }) => item.id)).toEqual([first.notice.id]);

    const page = await client.call('GET', '/me/notices?limit=1', worker);
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([second.notice.id]);
    const next = await client.call('GET', `/me/notices?limit=1&cursor=${page.body.nextCursor}`, worker);
    expect(next.body).toEqual({ items: [expect.objectContaining({ id: first.notice.id })], nextCursor: null });

    const bad = await client.call('GET', '/me/notices?unacknowledgedOnly=maybe', worker);
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body, CommonErrorCode.ValidationFailed);
  });

  it('marks a notice read when opened, with the person’s inbox messages about it, and keeps the first reading', async () => {
    const { notice, recipients } = await received();
    const [worker, colleague] = recipients;
    const link = `/pages/notice/detail?id=${notice.id}`;
    await app.app.get(InboxService).deliver([
      { userId: worker.id, kind: InboxMessageKind.NoticePublished, title: notice.title, body: '请查看', link },
      { userId: worker.id, kind: InboxMessageKind.NoticeReminder, title: notice.title, body: '请确认', link },
      {
        userId: worker.id,
        kind: InboxMessageKind.HazardAssigned,
        title: '隐患交办',
        body: '请整改',
        link: '/pages/hazard/detail?id=1',
      },
      { userId: colleague.id, kind: InboxMessageKind.NoticePublished, title: notice.title, body: '请查看', link },
    ]);

    const opened = await client.call('GET', `/me/notices/${notice.id}`, worker);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual(
      expect.objectContaining({ id: notice.id, readAt: expect.any(String), acknowledgedAt: null }),
    );
    const inbox = await app.dataSource.getRepository(InboxMessage).findBy({ userId: worker.id });
    expect(inbox.filter((message) => message.readAt !== null).map((message) => message.link)).toEqual([link, link]);
    expect(inbox.find((message) => message.link !== link)?.readAt).toBeNull();
    const colleagues = await app.dataSource.getRepository(InboxMessage).findBy({ userId: colleague.id });
    expect(colleagues.every((message) => message.readAt === null)).toBe(true);

    const again = await client.call('GET', `/me/notices/${notice.id}`, worker);
    expect(again.body.readAt).toBe(opened.body.readAt);
    expect((await client.call('GET', '/me/notices/counts', colleague)).body.unread).toBeGreaterThanOrEqual(1);
  });

  it('acknowledges once (reading it too), and refuses when nothing is asked', async () => {
    const { notice, recipients, enterprise } = await received();
    const [worker] = recipients;
    const acknowledged = await client.call('POST', `/me/notices/${notice.id}/acknowledge`, worker);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toEqual(
      expect.objectContaining({ readAt: expect.any(String), acknowledgedAt: expect.any(String) }),
    );
    const again = await client.call('POST', `/me/notices/${notice.id}/acknowledge`, worker);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(acknowledged.body);
    expect((await client.call('GET', '/me/notices/counts', worker)).body).toEqual({ unread: 0, unacknowledged: 0 });

    const receipts = await client.call('GET', `/notices/${notice.id}/receipts`, tree.users.staffCountyA);
    expect(receipts.body.totals).toEqual(expect.objectContaining({ delivered: 2, read: 1, acknowledged: 1 }));

    const informational = await received({ acknowledgementRequired: false }, { enterprise, recipients });
    const refused = await client.call('POST', `/me/notices/${informational.notice.id}/acknowledge`, worker);
    expect(refused.status).toBe(409);
    expectErrorShape(refused.body, NoticeErrorCode.AcknowledgementNotRequired);
  });

  it('answers people who did not receive a notice, and drafts, as if they did not exist', async () => {
    const { notice, enterprise } = await received();
    const outsider = await createWorker(app, enterprise);
    for (const person of [outsider, tree.users.workerB1, tree.users.staffCountyA]) {
      const read = await client.call('GET', `/me/notices/${notice.id}`, person);
      expect(read.status).toBe(404);
      expectErrorShape(read.body, CommonErrorCode.NotFound);
      expect((await client.call('POST', `/me/notices/${notice.id}/acknowledge`, person)).status).toBe(404);
      const list = await client.call('GET', '/me/notices', person);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(notice.id);
    }
    const draft = await client.call('POST', '/notices', tree.users.staffCountyA, noticeRequest(enterprise));
    const [worker] = (await received({}, { enterprise, recipients: [outsider] })).recipients;
    expect((await client.call('GET', `/me/notices/${draft.body.id}`, worker)).status).toBe(404);
    expect((await client.call('GET', '/me/notices/abc', worker)).status).toBe(400);
  });

  it('hides a withdrawn notice from its recipients', async () => {
    const { notice, recipients } = await received();
    const [worker] = recipients;
    expect((await client.call('GET', '/me/notices/counts', worker)).body).toEqual({ unread: 1, unacknowledged: 1 });
    const withdrawn = await client.call('POST', `/notices/${notice.id}/withdraw`, tree.users.staffCountyA);
    expect(withdrawn.status).toBe(200);
    const list = await client.call('GET', '/me/notices', worker);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(notice.id);
    expect((await client.call('GET', `/me/notices/${notice.id}`, worker)).status).toBe(404);
    expect((await client.call('POST', `/me/notices/${notice.id}/acknowledge`, worker)).status).toBe(404);
    expect((await client.call('GET', '/me/notices/counts', worker)).body).toEqual({ unread: 0, unacknowledged: 0 });
  });

  it('works end to end with the fan-out: published, fanned out, read, acknowledged, counted', async () => {
    const enterprise = await createEnterprise(app, tree.units.countyA, '戊一电力');
    const worker = await createWorker(app, enterprise);
    const notice = await client.published(tree.users.staffCountyA, noticeRequest(enterprise));
    await app.app.get(NoticeFanOutService).runOnce();
    const fannedOut = await client.call('GET', `/notices/${notice.id}`, tree.users.staffCountyA);
    expect(fannedOut.body.fanOut.state).toBe(NoticeFanOutState.Done);

    const inbox = await client.call('GET', '/inbox/unread-count', worker);
    expect(inbox.body.count).toBe(1);
    const mine = await client.call('GET', '/me/notices', worker);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([notice.id]);
    await client.call('POST', `/me/notices/${notice.id}/acknowledge`, worker);
    expect((await client.call('GET', '/inbox/unread-count', worker)).body.count).toBe(0);
    const receipts = await client.call('GET', `/notices/${notice.id}/receipts`, tree.users.staffCountyA);
    expect(receipts.body.node.kind).toBe(OrgKind.Enterprise);
    expect(receipts.body.totals).toEqual(expect.objectContaining({ delivered: 1, read: 1, acknowledged: 1 }));
  });
});
