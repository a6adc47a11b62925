import { randomUUID } from 'node:crypto';
import { WechatPath } from '@ankang/fake-wechat';
import { CommonErrorCode, SubscriptionErrorCode, WechatSubscribePurpose } from '@ankang/shared';
import {
  MAX_DELIVERY_ATTEMPTS,
  type NewSubscribeMessage,
  SubscribeMessagesService,
} from '../src/subscriptions/subscribe-messages.service';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../src/subscriptions/wechat-message-delivery.entity';
import { WechatSubscription } from '../src/subscriptions/wechat-subscription.entity';
import { User } from '../src/users/user.entity';
import { createUser } from './factories/org.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

const REMINDER_TEMPLATE = 'tmpl-hazard-reminder-01';
const MINUTE_MS = 60_000;

describe.each(testBackends())('WeChat subscribe messages on %s', (backend) => {
  let app: TestApp;
  let messages: SubscribeMessagesService;

  beforeAll(async () => {
    // Reminders have a template; alerts have none, so none are sent for them.
    app = await startTestApp(backend, {
      WECHAT_TEMPLATE_HAZARD_REMINDER: REMINDER_TEMPLATE,
      WECHAT_MINIPROGRAM_STATE: 'trial',
    });
    messages = app.app.get(SubscribeMessagesService);
  });

  afterAll(async () => {
    await app?.close();
  });

  const subscriptions = (user: User) =>
    request('GET', `${app.baseUrl}/me/wechat-subscriptions`, { token: accessTokenFor(app, user) });
  const subscribe = (user: User, results: unknown) =>
    request('POST', `${app.baseUrl}/me/wechat-subscriptions`, { token: accessTokenFor(app, user), body: { results } });
  const remaining = async (user: User) =>
    (
      await app.dataSource
        .getRepository(WechatSubscription)
        .findOneBy({ userId: user.id, templateId: REMINDER_TEMPLATE })
    )?.remaining ?? 0;

  /** A person who has logged in with WeChat (so has an openid), holding `grants` reminder grants. */
  const wechatUser = async (grants: number) => {
    const name = `subscriber-${randomUUID().slice(0, 8)}`;
    const user = await createUser(app.dataSource, { displayName: name, openId: app.wechat.openIdFor(name) });
    for (let index = 0; index < grants; index += 1) await subscribe(user, { [REMINDER_TEMPLATE]: 'accept' });
    return user;
  };

  const reminderFor = (user: User, extra: Partial<NewSubscribeMessage> = {}): NewSubscribeMessage => ({
    userId: user.id,
    purpose: WechatSubscribePurpose.HazardReminder,
    dedupeKey: `subscriptions-test:${randomUUID()}`,
    page: '/pages/hazard/detail?id=7',
    data: { character_string1: 'HZ-20261129-0007', thing2: '甲一主井', date3: '2026年12月10日', thing4: '请按期整改' },
    ...extra,
  });
  const enqueue = (message: NewSubscribeMessage) =>
    app.dataSource.transaction((manager) => messages.enqueue(manager, message));
  const deliveryOf = (dedupeKey: string) =>
    app.dataSource.getRepository(WechatMessageDelivery).findOneByOrFail({ dedupeKey });
  const sendsTo = (user: User) =>
    app.wechat
      .requests(WechatPath.SubscribeSend)
      .filter((call) => (call.body as { touser?: string }).touser === user.openId);

  describe('grants (/me/wechat-subscriptions)', () => {
    it('names the templates to request, then adds one grant per accept', async () => {
      const person = await createUser(app.dataSource);
      const empty = await subscriptions(person);
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        templates: [{ purpose: WechatSubscribePurpose.HazardReminder, templateId: REMINDER_TEMPLATE, remaining: 0 }],
      });

      // As wx.requestSubscribeMessage answers it, errMsg included.
      const accepted = await subscribe(person, { [REMINDER_TEMPLATE]: 'accept', errMsg: 'requestSubscribeMessage:ok' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.templates).toEqual([
        expect.objectContaining({ templateId: REMINDER_TEMPLATE, remaining: 1 }),
      ]);
      for (const answer of ['reject', 'ban', 'filter']) await subscribe(person, { [REMINDER_TEMPLATE]: answer });
      await subscribe(person, { [REMINDER_TEMPLATE]: 'accept' });
      expect((await subscriptions(person)).body.templates[0].remaining).toBe(2);
    });

    it('adds up acceptances that arrive at once', async () => {
      const person = await createUser(app.dataSource);
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => subscribe(person, { [REMINDER_TEMPLATE]: 'accept' })),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(6).fill(200));
      expect(await remaining(person)).toBe(6);
    });

    it.each([
      [
        'more than three templates',
        { [REMINDER_TEMPLATE]: 'accept', a: 'accept', b: 'reject', c: 'reject' },
        SubscriptionErrorCode.TooManyTemplates,
      ],
      ['a template the server does not use', { 'tmpl-unknown': 'accept' }, SubscriptionErrorCode.TemplateNotConfigured],
      ['an answer WeChat never gives', { [REMINDER_TEMPLATE]: 'yes' }, CommonErrorCode.ValidationFailed],
      ['a template id WeChat never makes', { 'has space': 'accept' }, CommonErrorCode.ValidationFailed],
      ['a list instead of the result object', [REMINDER_TEMPLATE], CommonErrorCode.ValidationFailed],
      ['no result at all', undefined, CommonErrorCode.ValidationFailed],
    ])('refuses %s with a coded 400 and records nothing', async (_case, results, code) => {
      const person = await createUser(app.dataSource);
      const response = await subscribe(person, results);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, code);
      expect(await remaining(person)).toBe(0);
    });

    it('answers only the caller, and only when logged in', async () => {
      const person = await wechatUser(2);
      const neighbour = await createUser(app.dataSource);
      expect((await subscriptions(neighbour)).body.templates[0].remaining).toBe(0);
      expect((await subscriptions(person)).body.templates[0].remaining).toBe(2);
      expect((await request('GET', `${app.baseUrl}/me/wechat-subscriptions`)).status).toBe(401);
    });
  });

  describe('deliveries', () => {
    it('sends a queued message once, spending one grant, as WeChat expects it', async () => {
      const person = await wechatUser(2);
      const message = reminderFor(person);
      await enqueue(message);
      await enqueue(message);

      const summary = await messages.deliverDue();
      expect(summary).toEqual(expect.objectContaining({ sent: 1 }));
      const calls = sendsTo(person);
      expect(calls).toHaveLength(1);
      expect(calls[0].body).toEqual({
        touser: person.openId,
        template_id: REMINDER_TEMPLATE,
        page: 'pages/hazard/detail?id=7',
        data: {
          character_string1: { value: 'HZ-20261129-0007' },
          thing2: { value: '甲一主井' },
          date3: { value: '2026年12月10日' },
          thing4: { value: '请按期整改' },
        },
        miniprogram_state: 'trial',
        lang: 'zh_CN',
      });
      expect(calls[0].errcode).toBe(0);
      expect(await deliveryOf(message.dedupeKey)).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Sent, attempts: 1, sentAt: expect.any(Date) }),
      );
      expect(await remaining(person)).toBe(1);

      await messages.deliverDue(new Date(Date.now() + 24 * 60 * MINUTE_MS));
      expect(sendsTo(person)).toHaveLength(1);
      expect(await remaining(person)).toBe(1);
    });

    it('queues nothing for a purpose without a template', async () => {
      const person = await wechatUser(1);
      const message = reminderFor(person, { purpose: WechatSubscribePurpose.HazardAlert });
      expect(await enqueue(message)).toBe(0);
      expect(await app.dataSource.getRepository(WechatMessageDelivery).countBy({ dedupeKey: message.dedupeKey })).toBe(
        0,
      );
    });

    it('skips without calling WeChat when the person holds no grant, has no openid or is disabled', async () => {
      const noGrant = await wechatUser(0);
      const noOpenId = await createUser(app.dataSource);
      await subscribe(noOpenId, { [REMINDER_TEMPLATE]: 'accept' });
      const disabled = await wechatUser(1);
      const cases = [reminderFor(noGrant), reminderFor(noOpenId), reminderFor(disabled)];
      for (const message of cases) await enqueue(message);
      await app.dataSource.getRepository(User).update({ id: disabled.id }, { disabledAt: new Date() });

      await messages.deliverDue();
      const [first, second, third] = await Promise.all(cases.map((message) => deliveryOf(message.dedupeKey)));
      expect(first).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Skipped, lastError: expect.stringMatching(/grant/) }),
      );
      expect(second).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Skipped, lastError: expect.stringMatching(/openid/) }),
      );
      expect(third).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Skipped, lastError: expect.stringMatching(/disabled/) }),
      );
      expect(sendsTo(noGrant)).toHaveLength(0);
      expect(sendsTo(disabled)).toHaveLength(0);
      // The grants of those it could not reach are kept.
      expect(await remaining(noOpenId)).toBe(1);
      expect(await remaining(disabled)).toBe(1);
    });

    it('takes 43101 as final: skipped, never retried, the grant count zeroed', async () => {
      const person = await wechatUser(3);
      const message = reminderFor(person);
      await enqueue(message);
      app.wechat.injectFault({ kind: 'errcode', errcode: 43101, path: WechatPath.SubscribeSend });

      expect(await messages.deliverDue()).toEqual(expect.objectContaining({ skipped: 1, sent: 0 }));
      expect(await deliveryOf(message.dedupeKey)).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Skipped, lastError: expect.stringContaining('43101') }),
      );
      expect(await remaining(person)).toBe(0);
      await messages.deliverDue(new Date(Date.now() + 24 * 60 * MINUTE_MS));
      expect(sendsTo(person)).toHaveLength(1);
    });

    it('retries after WeChat was busy, later, with the same grant, then sends once', async () => {
      const person = await wechatUser(1);
      const message = reminderFor(person);
      await enqueue(message);
      // The client already repeats a busy call twice; a third busy answer gives the delivery back to the queue.
      app.wechat.injectFault({ kind: 'busy', count: 3, path: WechatPath.SubscribeSend });
      const now = new Date();

      expect(await messages.deliverDue(now)).toEqual(expect.objectContaining({ retrying: 1, sent: 0 }));
      const waiting = await deliveryOf(message.dedupeKey);
      expect(waiting).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Pending, attempts: 1, grantSpentAt: expect.any(Date) }),
      );
      expect(waiting.nextAttemptAt.getTime()).toBe(now.getTime() + MINUTE_MS);
      expect(await remaining(person)).toBe(0);

      // Not before its time…
      expect(await messages.deliverDue(new Date(now.getTime() + MINUTE_MS - 1))).toEqual(
        expect.objectContaining({ sent: 0, retrying: 0 }),
      );
      // …then sent, without spending another grant.
      expect(await messages.deliverDue(new Date(now.getTime() + MINUTE_MS))).toEqual(
        expect.objectContaining({ sent: 1 }),
      );
      expect(await deliveryOf(message.dedupeKey)).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Sent, attempts: 2 }),
      );
      expect(sendsTo(person).map((call) => call.errcode)).toEqual([-1, -1, -1, 0]);
      expect(await remaining(person)).toBe(0);
    });

    it(`gives up after ${MAX_DELIVERY_ATTEMPTS} attempts WeChat never took, and gives the grant back`, async () => {
      const person = await wechatUser(1);
      const message = reminderFor(person);
      await enqueue(message);
      app.wechat.injectFault({ kind: 'busy', count: 3 * MAX_DELIVERY_ATTEMPTS, path: WechatPath.SubscribeSend });
      let now = new Date();
      for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
        await messages.deliverDue(now);
        now = new Date(now.getTime() + 2 * 60 * MINUTE_MS);
      }
      expect(await deliveryOf(message.dedupeKey)).toEqual(
        expect.objectContaining({
          status: WechatDeliveryStatus.Failed,
          attempts: MAX_DELIVERY_ATTEMPTS,
          lastError: expect.stringMatching(/^gave up after 5 attempts/),
        }),
      );
      expect(await remaining(person)).toBe(1);
      await messages.deliverDue(now);
      expect(sendsTo(person)).toHaveLength(3 * MAX_DELIVERY_ATTEMPTS);
    });

    it('fails on an error about the message itself, keeping the unused grant', async () => {
      const person = await wechatUser(1);
      const message = reminderFor(person);
      await enqueue(message);
      app.wechat.injectFault({
        kind: 'errcode',
        errcode: 47003,
        errmsg: 'argument invalid! data.thing2.value invalid',
        path: WechatPath.SubscribeSend,
      });

      expect(await messages.deliverDue()).toEqual(expect.objectContaining({ failed: 1 }));
      expect(await deliveryOf(message.dedupeKey)).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Failed, lastError: expect.stringContaining('47003') }),
      );
      expect(await remaining(person)).toBe(1);
      await messages.deliverDue(new Date(Date.now() + 24 * 60 * MINUTE_MS));
      expect(sendsTo(person)).toHaveLength(1);
    });

    it('never repeats a send whose outcome is unknown (the connection dropped)', async () => {
      const person = await wechatUser(2);
      const message = reminderFor(person);
      await enqueue(message);
      app.wechat.injectFault({ kind: 'disconnect', path: WechatPath.SubscribeSend });

      expect(await messages.deliverDue()).toEqual(expect.objectContaining({ failed: 1 }));
      expect(await deliveryOf(message.dedupeKey)).toEqual(
        expect.objectContaining({
          status: WechatDeliveryStatus.Failed,
          lastError: expect.stringMatching(/outcome unknown/),
        }),
      );
      await messages.deliverDue(new Date(Date.now() + 24 * 60 * MINUTE_MS));
      expect(sendsTo(person)).toHaveLength(1);
      // WeChat may have spent it.
      expect(await remaining(person)).toBe(1);
    });

    it('fails, without sending, a delivery a server took and never settled', async () => {
      const person = await wechatUser(1);
      const message = reminderFor(person);
      await enqueue(message);
      const claimedAt = new Date(Date.now() - 20 * MINUTE_MS);
      await app.dataSource
        .getRepository(WechatMessageDelivery)
        .update({ dedupeKey: message.dedupeKey }, { status: WechatDeliveryStatus.Sending, claimedAt, attempts: 1 });

      expect(await messages.deliverDue()).toEqual(expect.objectContaining({ abandoned: 1 }));
      expect(await deliveryOf(message.dedupeKey)).toEqual(
        expect.objectContaining({ status: WechatDeliveryStatus.Failed, lastError: expect.stringMatching(/abandoned/) }),
      );
      expect(sendsTo(person)).toHaveLength(0);
    });

    it('queues nothing when the transaction it belongs to rolls back', async () => {
      const person = await wechatUser(1);
      const message = reminderFor(person);
      await expect(
        app.dataSource.transaction(async (manager) => {
          await messages.enqueue(manager, message);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await app.dataSource.getRepository(WechatMessageDelivery).countBy({ dedupeKey: message.dedupeKey })).toBe(
        0,
      );
    });
  });
});
