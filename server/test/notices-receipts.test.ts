import {
  addChinaDays,
  chinaDateOf,
  InboxMessageKind,
  NoticeErrorCode,
  OrgKind,
  Role,
  WechatSubscribePurpose,
} from '@ankang/shared';
import { Like } from 'typeorm';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { NoticeReceipt } from '../src/notices/notice-receipt.entity';
import type { OrgUnit } from '../src/org/org-unit.entity';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../src/subscriptions/wechat-message-delivery.entity';
import { User } from '../src/users/user.entity';
import {
  createEnterprise,
  createNoticeDelivery,
  createReceipt,
  createStaff,
  createUnion,
  NOTICE_TEMPLATE,
  NoticesClient,
  noticeRequest,
  useNoticesApp,
} from './factories/notice.factory';
import type { TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import type { TestApp } from './support/test-app';
import { createWorker } from './training-support';

/**
 * A city of its own with a published notice and the receipts the fan-out would have written:
 *
 *   city (author, read + 已阅知) ─┬─ county1 (cadre: read) ── enterpriseX: w1 read + 已阅知, w2 read, w3 —
 *                                ├─ county2 (nobody)
 *                                └─ enterpriseY: y1 read + 已阅知, y2 —
 *
 * WeChat: w1, y1, cadre sent; w2 refused; w3 failed; y2 still pending.
 */
interface ReceiptsWorld {
  city: OrgUnit;
  county1: OrgUnit;
  county2: OrgUnit;
  enterpriseX: OrgUnit;
  enterpriseY: OrgUnit;
  author: User;
  cadre: User;
  people: Record<'w1' | 'w2' | 'w3' | 'y1' | 'y2', User>;
  noticeId: string;
}

describe.each(testBackends())('notice receipts and reminders on %s', (backend) => {
  let app: TestApp;
  let client: NoticesClient;
  let tree: TestTree;
  useNoticesApp(
    backend,
    (started, startedClient, startedTree) => {
      app = started;
      client = startedClient;
      tree = startedTree;
    },
    { WECHAT_TEMPLATE_NOTICE: NOTICE_TEMPLATE },
  );

  async function world(overrides: Parameters<typeof noticeRequest>[1] = {}): Promise<ReceiptsWorld> {
    const city = await createUnion(app, tree.units.province, '丙市总工会');
    const county1 = await createUnion(app, city, '丙一县总工会');
    const county2 = await createUnion(app, city, '丙二县总工会');
    const enterpriseX = await createEnterprise(app, county1, '丙一化工');
    const enterpriseY = await createEnterprise(app, city, '丙市建工');
    const author = await createStaff(app, Role.UnionStaff, city);
    const cadre = await createStaff(app, Role.UnionStaff, county1);
    const people = {
      w1: await createWorker(app, enterpriseX),
      w2: await createWorker(app, enterpriseX),
      w3: await createWorker(app, enterpriseX),
      y1: await createWorker(app, enterpriseY),
      y2: await createWorker(app, enterpriseY),
    };
    const notice = await client.published(author, noticeRequest(city, overrides));
    const noticeId = notice.id as string;
    const at = new Date();
    const { dataSource } = app;
    await createReceipt(dataSource, { noticeId, user: author, node: city, readAt: at, acknowledgedAt: at });
    await createReceipt(dataSource, { noticeId, user: cadre, node: county1, readAt: at });
    await createReceipt(dataSource, { noticeId, user: people.w1, node: enterpriseX, readAt: at, acknowledgedAt: at });
    await createReceipt(dataSource, { noticeId, user: people.w2, node: enterpriseX, readAt: at });
    await createReceipt(dataSource, { noticeId, user: people.w3, node: enterpriseX });
    await createReceipt(dataSource, { noticeId, user: people.y1, node: enterpriseY, readAt: at, acknowledgedAt: at });
    await createReceipt(dataSource, { noticeId, user: people.y2, node: enterpriseY });
    for (const [user, status] of [
      [people.w1, WechatDeliveryStatus.Sent],
      [people.y1, WechatDeliveryStatus.Sent],
      [cadre, WechatDeliveryStatus.Sent],
      [people.w2, WechatDeliveryStatus.Skipped],
      [people.w3, WechatDeliveryStatus.Failed],
      [people.y2, WechatDeliveryStatus.Pending],
    ] as const) {
      await createNoticeDelivery(dataSource, { noticeId, user, status });
    }
    return { city, county1, county2, enterpriseX, enterpriseY, author, cadre, people, noticeId };
  }

  const counts = (
    recipients: number,
    read: number,
    acknowledged: number,
    wechat: [sent: number, refused: number, failed: number],
  ) => ({
    recipients,
    delivered: recipients,
    read,
    acknowledged,
    wechatSent: wechat[0],
    wechatRefused: wechat[1],
    wechatFailed: wechat[2],
  });

  describe('receipts', () => {
    it('gives the totals at the notice’s scope and the figures of each child, rolled up the tree', async () => {
      const w = await world();
      const answer = await client.call('GET', `/notices/${w.noticeId}/receipts`, w.author);
      expect(answer.status).toBe(200);
      expect(answer.body.notice).toEqual(
        expect.objectContaining({ id: w.noticeId, fanOut: expect.objectContaining({ recipients: 7 }) }),
      );
      expect(answer.body.node).toEqual({ id: String(w.city.id), name: w.city.name, kind: OrgKind.Union });
      expect(answer.body.totals).toEqual(counts(7, 5, 3, [3, 1, 1]));
      const children = Object.fromEntries(
        answer.body.children.map((child: { node: { id: string }; counts: unknown }) => [child.node.id, child.counts]),
      );
      expect(children).toEqual({
        [String(w.county1.id)]: counts(4, 3, 1, [2, 1, 1]),
        [String(w.county2.id)]: counts(0, 0, 0, [0, 0, 0]),
        [String(w.enterpriseY.id)]: counts(2, 1, 1, [1, 0, 0]),
      });
    });

    it('gives the figures at a node under the scope, people reached at the node itself in its totals only', async () => {
      const w = await world();
      const answer = await client.call('GET', `/notices/${w.noticeId}/receipts?orgUnitId=${w.county1.id}`, w.author);
      expect(answer.status).toBe(200);
      expect(answer.body.totals).toEqual(counts(4, 3, 1, [2, 1, 1]));
      expect(answer.body.children).toEqual([
        { node: expect.objectContaining({ id: String(w.enterpriseX.id) }), counts: counts(3, 2, 1, [1, 1, 1]) },
      ]);
    });

    it('shows staff below the notice’s scope their own part of it, and nothing above or beside it', async () => {
      const w = await world();
      const own = await client.call('GET', `/notices/${w.noticeId}/receipts?orgUnitId=${w.county1.id}`, w.cadre);
      expect(own.status).toBe(200);
      expect(own.body.totals).toEqual(counts(4, 3, 1, [2, 1, 1]));
      const below = await client.call('GET', `/notices/${w.noticeId}/receipts?orgUnitId=${w.enterpriseX.id}`, w.cadre);
      expect(below.body.totals).toEqual(counts(3, 2, 1, [1, 1, 1]));
      for (const query of [
        '',
        `?orgUnitId=${w.city.id}`,
        `?orgUnitId=${w.enterpriseY.id}`,
        `?orgUnitId=${w.county2.id}`,
      ]) {
        const refused = await client.call('GET', `/notices/${w.noticeId}/receipts${query}`, w.cadre);
        expect(refused.status).toBe(404);
      }
      expect((await client.call('GET', `/notices/${w.noticeId}`, w.cadre)).status).toBe(404);

      const draft = await client.call('POST', '/notices', w.author, noticeRequest(w.city));
      const hidden = await client.call('GET', `/notices/${draft.body.id}/receipts?orgUnitId=${w.county1.id}`, w.cadre);
      expect(hidden.status).toBe(404);
    });

    it('refuses nodes outside the notice’s scope, and ids that are not ids', async () => {
      const w = await world();
      for (const node of [tree.units.cityB, tree.units.province, tree.units.enterpriseA1]) {
        const refused = await client.call('GET', `/notices/${w.noticeId}/receipts?orgUnitId=${node.id}`, w.author);
        expect(refused.status).toBe(404);
      }
      const bad = await client.call('GET', `/notices/${w.noticeId}/receipts?orgUnitId=x`, w.author);
      expect(bad.status).toBe(400);
    });
  });

  describe('reminders', () => {
    it('reminds those under the node who have not acknowledged, in the inbox and on WeChat, once a China day', async () => {
      const w = await world();
      const today = chinaDateOf(new Date());
      const first = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, {
        orgUnitId: String(w.county1.id),
      });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ reminded: 3, nextAllowedOn: addChinaDays(today, 1) });

      const reminded = [w.cadre, w.people.w2, w.people.w3];
      const messages = await app.dataSource
        .getRepository(InboxMessage)
        .findBy({ dedupeKey: Like(`notice-reminder:${w.noticeId}:%`) });
      expect(messages.map((message) => message.userId).sort()).toEqual(reminded.map((user) => user.id).sort());
      for (const message of messages) {
        expect(message).toEqual(
          expect.objectContaining({
            kind: InboxMessageKind.NoticeReminder,
            link: `/pages/notice/detail?id=${w.noticeId}`,
            dedupeKey: `notice-reminder:${w.noticeId}:${message.userId}:${today}`,
          }),
        );
      }
      const deliveries = await app.dataSource
        .getRepository(WechatMessageDelivery)
        .findBy({ dedupeKey: Like(`notice-reminder:${w.noticeId}:%`) });
      expect(deliveries.map((delivery) => delivery.userId).sort()).toEqual(reminded.map((user) => user.id).sort());
      for (const delivery of deliveries) {
        expect(delivery).toEqual(
          expect.objectContaining({
            purpose: WechatSubscribePurpose.Notice,
            templateId: NOTICE_TEMPLATE,
            status: WechatDeliveryStatus.Pending,
            page: `pages/notice/detail?id=${w.noticeId}`,
          }),
        );
        expect(JSON.parse(delivery.data)).toEqual(
          expect.objectContaining({ thing2: w.city.name, thing4: '您还未确认阅知，请尽快查看' }),
        );
      }
      const receipts = await app.dataSource.getRepository(NoticeReceipt).findBy({ noticeId: Number(w.noticeId) });
      expect(
        receipts
          .filter((receipt) => receipt.remindedOn === today)
          .map((receipt) => receipt.userId)
          .sort(),
      ).toEqual(reminded.map((user) => user.id).sort());

      const again = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, {
        orgUnitId: String(w.county1.id),
      });
      expect(again.status).toBe(409);
      expectErrorShape(again.body, NoticeErrorCode.AlreadyRemindedToday);
      expect(again.body.details).toEqual({ nextAllowedOn: addChinaDays(today, 1) });

      // The whole city the same day: only y2 had not been reminded today.
      const city = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author);
      expect(city.status).toBe(200);
      expect(city.body.reminded).toBe(1);
      const cityAgain = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, {});
      expect(cityAgain.status).toBe(409);
    });

    it('reminds only when there is something to acknowledge on a published notice', async () => {
      const w = await world({ acknowledgementRequired: false });
      const notRequired = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, {});
      expect(notRequired.status).toBe(409);
      expectErrorShape(notRequired.body, NoticeErrorCode.AcknowledgementNotRequired);

      const draft = await client.call('POST', '/notices', w.author, noticeRequest(w.city));
      const unpublished = await client.call('POST', `/notices/${draft.body.id}/remind`, w.author, {});
      expect(unpublished.status).toBe(409);
      expectErrorShape(unpublished.body, NoticeErrorCode.NotPublished);

      const outside = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, {
        orgUnitId: String(tree.units.cityB.id),
      });
      expect(outside.status).toBe(404);
      const bad = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, { orgUnitId: null });
      expect(bad.status).toBe(400);
    });

    it('leaves disabled accounts out of a reminder', async () => {
      const w = await world();
      await app.dataSource.getRepository(User).update({ id: w.people.y2.id }, { disabledAt: new Date() });
      const answer = await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, {
        orgUnitId: String(w.enterpriseY.id),
      });
      expect(answer.status).toBe(200);
      expect(answer.body.reminded).toBe(0);
    });
  });

  describe('withdrawal', () => {
    it('cancels the notice’s unsent WeChat messages and reminders, leaving those sent', async () => {
      const w = await world();
      await client.call('POST', `/notices/${w.noticeId}/remind`, w.author, {});
      const withdrawn = await client.call('POST', `/notices/${w.noticeId}/withdraw`, w.author);
      expect(withdrawn.status).toBe(200);
      const deliveries = await app.dataSource.getRepository(WechatMessageDelivery).find({
        where: [{ dedupeKey: Like(`notice:${w.noticeId}:%`) }, { dedupeKey: Like(`notice-reminder:${w.noticeId}:%`) }],
      });
      expect(deliveries.filter((delivery) => delivery.status === WechatDeliveryStatus.Pending)).toEqual([]);
      const sent = deliveries.filter((delivery) => delivery.status === WechatDeliveryStatus.Sent);
      expect(sent.map((delivery) => delivery.userId).sort()).toEqual(
        [w.people.w1.id, w.people.y1.id, w.cadre.id].sort(),
      );
      const reminders = deliveries.filter((delivery) => delivery.dedupeKey.startsWith('notice-reminder:'));
      expect(reminders.length).toBe(4);
      expect(reminders.every((delivery) => delivery.status === WechatDeliveryStatus.Skipped)).toBe(true);
    });
  });
});
