import { AuthErrorCode, CommonErrorCode, ProfileErrorCode, WechatErrorCode, WorkerGroup } from '@ankang/shared';
import { User } from '../src/users/user.entity';
import { UserWorkerGroup } from '../src/users/user-worker-group.entity';
import { createUser } from './factories/org.factory';
import { createTestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

const PHONE_NUMBER_PATH = '/wxa/business/getuserphonenumber';

describe.each(testBackends())('profile on %s', (backend) => {
  describe('with WeChat', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp(backend);
    });

    afterAll(async () => {
      await app?.close();
    });

    const me = (token: string) => request('GET', `${app.baseUrl}/me`, { token });
    const patchMe = (token: string, body: unknown) => request('PATCH', `${app.baseUrl}/me`, { token, body });
    const bindPhone = (token: string, body: unknown) => request('POST', `${app.baseUrl}/me/phone`, { token, body });
    const storedGroups = async (userId: number) =>
      (await app.dataSource.getRepository(UserWorkerGroup).findBy({ userId })).map((row) => row.workerGroup).sort();

    it('shows the person their profile, roles, enterprise and no pending request', async () => {
      const tree = await createTestTree(app.dataSource);
      const worker = tree.users.workerA1;
      const response = await me(accessTokenFor(app, worker));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: String(worker.id),
        displayName: worker.displayName,
        phone: worker.phone,
        roles: [
          {
            role: 'worker',
            orgUnitId: String(tree.units.enterpriseA1.id),
            orgUnitName: tree.units.enterpriseA1.name,
            orgUnitKind: 'enterprise',
          },
        ],
        employeeNumber: null,
        workerGroups: [],
        enterprise: { id: String(tree.units.enterpriseA1.id), name: tree.units.enterpriseA1.name },
        pendingBinding: null,
        createdAt: worker.createdAt.toISOString(),
      });
    });

    it('changes name, employee number and worker groups, replacing the groups as a set', async () => {
      const person = await createUser(app.dataSource, { displayName: '改名前' });
      const token = accessTokenFor(app, person);

      const first = await patchMe(token, {
        displayName: '  李四  ',
        employeeNumber: ' HK-0012 ',
        workerGroups: [WorkerGroup.HighRisk, WorkerGroup.NewHire, WorkerGroup.HighRisk],
      });
      expect(first.status).toBe(200);
      expect(first.body).toEqual(
        expect.objectContaining({
          displayName: '李四',
          employeeNumber: 'HK-0012',
          workerGroups: [WorkerGroup.NewHire, WorkerGroup.HighRisk],
        }),
      );
      expect(await storedGroups(person.id)).toEqual([WorkerGroup.HighRisk, WorkerGroup.NewHire].sort());

      const second = await patchMe(token, { workerGroups: [WorkerGroup.Outsourced] });
      expect(second.body).toEqual(
        expect.objectContaining({
          displayName: '李四',
          employeeNumber: 'HK-0012',
          workerGroups: [WorkerGroup.Outsourced],
        }),
      );
      expect(await storedGroups(person.id)).toEqual([WorkerGroup.Outsourced]);

      const cleared = await patchMe(token, { employeeNumber: null, workerGroups: [] });
      expect(cleared.body).toEqual(expect.objectContaining({ employeeNumber: null, workerGroups: [] }));
      expect((await me(token)).body).toEqual(cleared.body);
      expect(await storedGroups(person.id)).toEqual([]);
    });

    it('treats a blank employee number as none and an empty body as no change', async () => {
      const person = await createUser(app.dataSource, { displayName: '王五' });
      const token = accessTokenFor(app, person);
      await patchMe(token, { employeeNumber: 'E-1' });

      expect((await patchMe(token, { employeeNumber: '   ' })).body.employeeNumber).toBeNull();
      const unchanged = await patchMe(token, {});
      expect(unchanged.status).toBe(200);
      expect(unchanged.body).toEqual(expect.objectContaining({ displayName: '王五', employeeNumber: null }));
    });

    it('accepts a name of exactly 32 characters', async () => {
      const person = await createUser(app.dataSource);
      const name = '安'.repeat(32);
      const response = await patchMe(accessTokenFor(app, person), { displayName: name });
      expect(response.status).toBe(200);
      expect(response.body.displayName).toBe(name);
    });

    it.each([
      ['an empty name', { displayName: '' }, 'displayName'],
      ['a blank name', { displayName: '   ' }, 'displayName'],
      ['a name of 33 characters', { displayName: '安'.repeat(33) }, 'displayName'],
      ['a null name', { displayName: null }, 'displayName'],
      ['a name that is not text', { displayName: 42 }, 'displayName'],
      ['a name with a control character', { displayName: '张\u0007三' }, 'displayName'],
      ['an employee number of 33 characters', { employeeNumber: 'E'.repeat(33) }, 'employeeNumber'],
      ['an employee number with a line break', { employeeNumber: 'E1\nE2' }, 'employeeNumber'],
      ['an unknown worker group', { workerGroups: ['boss'] }, 'workerGroups'],
      ['worker groups that are not a list', { workerGroups: WorkerGroup.NewHire }, 'workerGroups'],
      ['null worker groups', { workerGroups: null }, 'workerGroups'],
      ['an unknown field', { phone: '13800138000' }, 'phone'],
    ])('refuses %s with a coded 400 naming the field, changing nothing', async (_case, body, field) => {
      const person = await createUser(app.dataSource, { displayName: '原名' });
      const token = accessTokenFor(app, person);
      await patchMe(token, { employeeNumber: 'KEEP-1', workerGroups: [WorkerGroup.NonRoutine] });

      const response = await patchMe(token, { displayName: '新名字', ...body });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([{ field, message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
      expect((await me(token)).body).toEqual(
        expect.objectContaining({
          displayName: '原名',
          employeeNumber: 'KEEP-1',
          workerGroups: [WorkerGroup.NonRoutine],
        }),
      );
    });

    it('asks for a login without a token and refuses a disabled account', async () => {
      const anonymous = await request('PATCH', `${app.baseUrl}/me`, { body: { displayName: '匿名' } });
      expect(anonymous.status).toBe(401);
      expectErrorShape(anonymous.body, AuthErrorCode.Unauthenticated);

      const disabled = await createUser(app.dataSource, { disabledAt: new Date() });
      const response = await patchMe(accessTokenFor(app, disabled), { displayName: '停用者' });
      expect(response.status).toBe(403);
      expectErrorShape(response.body, AuthErrorCode.UserDisabled);
    });

    it('binds the phone number behind a getPhoneNumber code', async () => {
      const person = await createUser(app.dataSource);
      const response = await bindPhone(accessTokenFor(app, person), { code: 'phone:13800138000' });

      expect(response.status).toBe(200);
      expect(response.body.phone).toBe('13800138000');
      expect((await app.dataSource.getRepository(User).findOneByOrFail({ id: person.id })).phone).toBe('13800138000');
      expect(app.wechat.requests(PHONE_NUMBER_PATH).at(-1)?.body).toEqual({ code: 'phone:13800138000' });
    });

    it('maps a code WeChat refuses to PROFILE_PHONE_CODE_INVALID and keeps the old number', async () => {
      const person = await createUser(app.dataSource, { phone: '13900000001' });
      const response = await bindPhone(accessTokenFor(app, person), { code: 'not-a-phone-code' });

      expect(response.status).toBe(400);
      expectErrorShape(response.body, ProfileErrorCode.PhoneCodeInvalid);
      expect((await app.dataSource.getRepository(User).findOneByOrFail({ id: person.id })).phone).toBe('13900000001');
    });

    it('maps WeChat rate limiting to 429 and WeChat being busy to 503', async () => {
      const person = await createUser(app.dataSource);
      const token = accessTokenFor(app, person);

      const limited = await bindPhone(token, { code: 'ratelimit:1' });
      expect(limited.status).toBe(429);
      expectErrorShape(limited.body, CommonErrorCode.RateLimited);

      app.wechat.injectFault({ kind: 'busy', count: 3, path: PHONE_NUMBER_PATH });
      const busy = await bindPhone(token, { code: 'phone:13800138000' });
      expect(busy.status).toBe(503);
      expectErrorShape(busy.body, WechatErrorCode.Unavailable);
    });

    it.each([
      ['a missing code', {}],
      ['an empty code', { code: '' }],
      ['a code with spaces', { code: 'phone: 138' }],
      ['a code that is far too long', { code: 'x'.repeat(300) }],
    ])('refuses %s without asking WeChat', async (_case, body) => {
      const person = await createUser(app.dataSource);
      const before = app.wechat.requestCount(PHONE_NUMBER_PATH);
      const response = await bindPhone(accessTokenFor(app, person), body);

      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(app.wechat.requestCount(PHONE_NUMBER_PATH)).toBe(before);
    });
  });

  describe('without WeChat', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp(backend, { WECHAT_APPID: '', WECHAT_SECRET: '' });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('answers a phone binding with 503 WECHAT_MISCONFIGURED', async () => {
      const person = await createUser(app.dataSource);
      const response = await request('POST', `${app.baseUrl}/me/phone`, {
        token: accessTokenFor(app, person),
        body: { code: 'phone:13800138000' },
      });

      expect(response.status).toBe(503);
      expectErrorShape(response.body, WechatErrorCode.Misconfigured);
      expect(app.wechat.requestCount()).toBe(0);
    });
  });
});
