import { randomUUID } from 'node:crypto';
import { AuthErrorCode, CommonErrorCode, InboxMessageKind } from '@ankang/shared';
import { InboxService, type NewInboxMessage } from '../src/inbox/inbox.service';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import type { User } from '../src/users/user.entity';
import { createUser } from './factories/org.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

describe.each(testBackends())('inbox on %s', (backend) => {
  let app: TestApp;
  let inbox: InboxService;

  beforeAll(async () => {
    app = await startTestApp(backend);
    inbox = app.app.get(InboxService);
  });

  afterAll(async () => {
    await app?.close();
  });

  const get = (user: User, path: string) =>
    request('GET', `${app.baseUrl}${path}`, { token: accessTokenFor(app, user) });
  const post = (user: User, path: string) =>
    request('POST', `${app.baseUrl}${path}`, { token: accessTokenFor(app, user) });

  const message = (user: User, index: number, extra: Partial<NewInboxMessage> = {}): NewInboxMessage => ({
    userId: user.id,
    kind: InboxMessageKind.HazardDue,
    title: `隐患已到整改期限 HZ-${index}`,
    body: `第 ${index} 条提醒`,
    link: `/pages/hazard/detail?id=${index}`,
    hazardTicketId: null,
    dedupeKey: `inbox-test:${randomUUID()}`,
    ...extra,
  });

  /** Delivers `count` messages one after another (ids rise with time) and returns their titles, oldest first. */
  const fill = async (user: User, count: number): Promise<string[]> => {
    const titles: string[] = [];
    for (let index = 1; index <= count; index += 1) {
      await inbox.deliver([message(user, index)]);
      titles.push(`隐患已到整改期限 HZ-${index}`);
    }
    return titles;
  };

  const idsOf = async (user: User) =>
    (await app.dataSource.getRepository(InboxMessage).find({ where: { userId: user.id }, order: { id: 'ASC' } })).map(
      (row) => String(row.id),
    );

  it('lists the caller’s messages newest first, page by page, with the contract’s fields', async () => {
    const person = await createUser(app.dataSource, { displayName: '收件人' });
    const titles = await fill(person, 5);

    const first = await get(person, '/inbox?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { title: string }) => item.title)).toEqual([titles[4], titles[3]]);
    expect(first.body.items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      kind: InboxMessageKind.HazardDue,
      title: titles[4],
      body: '第 5 条提醒',
      link: '/pages/hazard/detail?id=5',
      readAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const second = await get(person, `/inbox?limit=2&cursor=${first.body.nextCursor}`);
    const third = await get(person, `/inbox?limit=2&cursor=${second.body.nextCursor}`);
    expect(second.body.items.map((item: { title: string }) => item.title)).toEqual([titles[2], titles[1]]);
    expect(third.body.items.map((item: { title: string }) => item.title)).toEqual([titles[0]]);
    expect(third.body.nextCursor).toBeNull();
  });

  it('counts and lists the unread, marks one read once (the first reading stands), then all', async () => {
    const person = await createUser(app.dataSource);
    await fill(person, 3);
    const [oldest, middle] = await idsOf(person);
    expect((await get(person, '/inbox/unread-count')).body).toEqual({ count: 3 });

    const read = await post(person, `/inbox/${middle}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(expect.objectContaining({ id: middle, readAt: expect.any(String) }));
    const again = await post(person, `/inbox/${middle}/read`);
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    expect((await get(person, '/inbox/unread-count')).body).toEqual({ count: 2 });
    const unread = await get(person, '/inbox?unreadOnly=true');
    expect(unread.body.items.map((item: { id: string }) => item.id)).not.toContain(middle);
    expect(unread.body.items).toHaveLength(2);
    const everything = await get(person, '/inbox?unreadOnly=false');
    expect(everything.body.items).toHaveLength(3);

    const all = await post(person, '/inbox/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: 2 });
    expect((await get(person, '/inbox/unread-count')).body).toEqual({ count: 0 });
    expect((await get(person, '/inbox?unreadOnly=true')).body).toEqual({ items: [], nextCursor: null });
    expect((await post(person, '/inbox/read-all')).body).toEqual({ marked: 0 });
    // Marking all read kept the time the middle one was first read.
    const rows = await app.dataSource.getRepository(InboxMessage).findBy({ userId: person.id });
    expect(rows.find((row) => String(row.id) === middle)?.readAt?.toISOString()).toBe(read.body.readAt);
    expect(rows.find((row) => String(row.id) === oldest)?.readAt).not.toBeNull();
  });

  it('keeps inboxes apart: a neighbour’s message is answered as one that does not exist', async () => {
    const person = await createUser(app.dataSource);
    const neighbour = await createUser(app.dataSource);
    await fill(person, 1);
    await fill(neighbour, 2);
    const [neighboursMessage] = await idsOf(neighbour);

    const foreign = await post(person, `/inbox/${neighboursMessage}/read`);
    const missing = await post(person, '/inbox/999999999/read');
    expect(foreign.status).toBe(404);
    expectErrorShape(foreign.body, CommonErrorCode.NotFound);
    expect(missing.status).toBe(404);
    expect({ ...foreign.body, requestId: null }).toEqual({ ...missing.body, requestId: null });

    expect((await get(person, '/inbox')).body.items).toHaveLength(1);
    expect((await get(person, '/inbox/unread-count')).body).toEqual({ count: 1 });
    await post(person, '/inbox/read-all');
    // The neighbour's messages are untouched by any of it.
    expect((await get(neighbour, '/inbox/unread-count')).body).toEqual({ count: 2 });
  });

  it.each([
    ['/inbox?unreadOnly=maybe', 'unreadOnly'],
    ['/inbox?limit=0', 'limit'],
    ['/inbox?limit=101', 'limit'],
    ['/inbox?cursor=not-a-cursor', 'cursor'],
    ['/inbox?colour=red', 'colour'],
  ])('refuses a bad list query %s with a coded 400', async (path, field) => {
    const person = await createUser(app.dataSource);
    const response = await get(person, path);
    expect(response.status).toBe(400);
    expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses a malformed id with a coded 400 and strangers with 401', async () => {
    const person = await createUser(app.dataSource);
    const malformed = await post(person, '/inbox/abc/read');
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.body, CommonErrorCode.ValidationFailed);
    const anonymous = await request('GET', `${app.baseUrl}/inbox`);
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body, AuthErrorCode.Unauthenticated);
  });

  it('delivers each dedupe key once, even when many senders race with the same messages', async () => {
    const person = await createUser(app.dataSource);
    const keys = Array.from({ length: 5 }, () => `race:${randomUUID()}`);
    const batch = keys.map((dedupeKey, index) => message(person, index, { dedupeKey }));
    // Ten senders at once, each in its own transaction, as two servers' jobs and retries would.
    await Promise.all(
      Array.from({ length: 10 }, () => app.dataSource.transaction((manager) => inbox.deliver(batch, manager))),
    );
    await Promise.all(Array.from({ length: 5 }, () => inbox.deliver(batch)));

    const rows = await app.dataSource.getRepository(InboxMessage).findBy({ userId: person.id });
    expect(rows.map((row) => row.dedupeKey).sort()).toEqual([...keys].sort());
    expect(await inbox.deliver(batch)).toBe(0);
    // Messages without a key are never merged.
    await inbox.deliver([message(person, 9, { dedupeKey: null }), message(person, 9, { dedupeKey: null })]);
    expect(await app.dataSource.getRepository(InboxMessage).countBy({ userId: person.id })).toBe(7);
  });

  it('writes a message with the change it announces, or not at all', async () => {
    const person = await createUser(app.dataSource);
    const dedupeKey = `rollback:${randomUUID()}`;
    await expect(
      app.dataSource.transaction(async (manager) => {
        await inbox.deliver([message(person, 1, { dedupeKey })], manager);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await app.dataSource.getRepository(InboxMessage).countBy({ dedupeKey })).toBe(0);
  });
});
