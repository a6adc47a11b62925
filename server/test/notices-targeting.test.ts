import { WechatPath } from '@ankang/fake-wechat';
import {
  BindingMode,
  InboxMessageKind,
  Industry,
  NoticeFanOutState,
  OrgKind,
  Role,
  WechatSubscribePurpose,
  WorkerGroup,
} from '@ankang/shared';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { Notice } from '../src/notices/notice.entity';
import { type AudienceFilter, NoticeAudienceRepository } from '../src/notices/notice-audience.repository';
import { NoticeFanOutService } from '../src/notices/notice-fan-out.service';
import { NoticeReceipt } from '../src/notices/notice-receipt.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../src/subscriptions/wechat-message-delivery.entity';
import type { User } from '../src/users/user.entity';
import { createOrgUnit, createUser, grantRole } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { addWorkerGroups, grantNoticeTemplate, insertNotice, NOTICE_TEMPLATE } from './notices-fan-out-support';
import { testBackends } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';

describe.each(testBackends())('notice targeting on %s', (backend) => {
  let app: TestApp;
  let fanOut: NoticeFanOutService;
  let audience: NoticeAudienceRepository;

  beforeAll(async () => {
    app = await startTestApp(backend, { WECHAT_TEMPLATE_NOTICE: NOTICE_TEMPLATE });
    fanOut = app.app.get(NoticeFanOutService);
    audience = app.app.get(NoticeAudienceRepository);
  });

  afterAll(async () => {
    await app?.close();
  });

  /**
   * The test tree plus chemicals enterprises under county A (A3) and city B (B2), and workers of every
   * kind the city A + chemicals + special operations notice must tell apart.
   */
  const chemicalsProvince = async () => {
    const tree = await createTestTree(app.dataSource);
    const chemicals = { industry: Industry.HazardousChemicals, bindingMode: BindingMode.Automatic };
    const enterpriseA3 = await createOrgUnit(app.dataSource, {
      kind: OrgKind.Enterprise,
      parent: tree.units.countyA,
      ...chemicals,
    });
    const enterpriseB2 = await createOrgUnit(app.dataSource, {
      kind: OrgKind.Enterprise,
      parent: tree.units.cityB,
      ...chemicals,
    });
    const worker = async (name: string, enterprise: OrgUnit, groups: WorkerGroup[], disabled = false) => {
      const user = await createUser(app.dataSource, {
        displayName: `${name}-${tree.suffix}`,
        openId: app.wechat.openIdFor(`${name}-${tree.suffix}`),
        enterpriseId: enterprise.id,
        disabledAt: disabled ? new Date() : null,
      });
      if (groups.length > 0) await addWorkerGroups(app.dataSource, user, groups);
      return user;
    };
    const { enterpriseA1, enterpriseA2 } = tree.units;
    const workers = {
      a2Special: await worker('甲二特种作业', enterpriseA2, [WorkerGroup.SpecialOperations]),
      a3Special: await worker('甲三特种作业', enterpriseA3, [WorkerGroup.NewHire, WorkerGroup.SpecialOperations]),
      a2Plain: await worker('甲二普通职工', enterpriseA2, []),
      a2NewHire: await worker('甲二新入职', enterpriseA2, [WorkerGroup.NewHire]),
      a1Special: await worker('甲一特种作业', enterpriseA1, [WorkerGroup.SpecialOperations]),
      b2Special: await worker('乙二特种作业', enterpriseB2, [WorkerGroup.SpecialOperations]),
      a2SpecialDisabled: await worker('甲二停用', enterpriseA2, [WorkerGroup.SpecialOperations], true),
    };
    return { tree, enterpriseA3, enterpriseB2, workers };
  };

  const filterOf = (scope: OrgUnit, narrowing: Partial<Omit<AudienceFilter, 'scopePath'>> = {}): AudienceFilter => ({
    scopePath: scope.path,
    industries: [],
    workerGroups: [],
    roles: [],
    ...narrowing,
  });
  /** The audience as the fan-out walks it, in small pages so the cursor is exercised. */
  const walk = async (filter: AudienceFilter) => {
    const reached: { userId: number; nodeId: number | null }[] = [];
    for (let after = 0; ; ) {
      const page = await audience.findRecipientsAfter(app.dataSource.manager, filter, after, 3);
      reached.push(...page);
      if (page.length < 3) return reached;
      after = page[page.length - 1].userId;
    }
  };
  const idsOf = (...users: User[]) => users.map((user) => user.id).sort((first, second) => first - second);
  const expectAudience = async (filter: AudienceFilter, expected: User[]) => {
    const reached = await walk(filter);
    expect(reached.map((recipient) => recipient.userId)).toEqual(idsOf(...expected));
    expect(await audience.countRecipients(filter)).toBe(expected.length);
    return new Map(reached.map((recipient) => [recipient.userId, recipient.nodeId]));
  };

  it('reaches exactly the special-operations workers of city A’s chemicals enterprises', async () => {
    const { tree, enterpriseA3, workers } = await chemicalsProvince();
    await grantNoticeTemplate(app.dataSource, [workers.a2Special.id, workers.b2Special.id]);
    const notice = await insertNotice(app.dataSource, {
      scope: tree.units.cityA,
      title: '关于危险化学品企业特种作业人员持证上岗专项检查的紧急通知',
      industries: [Industry.HazardousChemicals],
      workerGroups: [WorkerGroup.SpecialOperations],
      roles: [Role.Worker],
    });

    const summary = await fanOut.runOnce();
    expect(summary.recipients).toBeGreaterThanOrEqual(2);

    const receipts = await app.dataSource.getRepository(NoticeReceipt).findBy({ noticeId: notice.id });
    expect(receipts.map((receipt) => receipt.userId).sort((first, second) => first - second)).toEqual(
      idsOf(workers.a2Special, workers.a3Special),
    );
    // Each reached through their own enterprise: receipts roll up the tree by it.
    expect(new Map(receipts.map((receipt) => [receipt.userId, receipt.enterpriseId]))).toEqual(
      new Map([
        [workers.a2Special.id, tree.units.enterpriseA2.id],
        [workers.a3Special.id, enterpriseA3.id],
      ]),
    );
    const stored = await app.dataSource.getRepository(Notice).findOneByOrFail({ id: notice.id });
    expect(stored).toEqual(expect.objectContaining({ fanOutState: NoticeFanOutState.Done, recipientCount: 2 }));

    const inbox = await app.dataSource
      .getRepository(InboxMessage)
      .find({ where: { link: `/pages/notice/detail?id=${notice.id}` }, order: { userId: 'ASC' } });
    expect(inbox).toEqual([
      expect.objectContaining({
        userId: Math.min(workers.a2Special.id, workers.a3Special.id),
        kind: InboxMessageKind.NoticePublished,
        title: notice.title,
        dedupeKey: `notice:${notice.id}:${Math.min(workers.a2Special.id, workers.a3Special.id)}`,
      }),
      expect.objectContaining({ userId: Math.max(workers.a2Special.id, workers.a3Special.id) }),
    ]);

    // WeChat: queued for both, sent to the one holding a grant, the other skipped.
    const deliveries = await app.dataSource
      .getRepository(WechatMessageDelivery)
      .find({ where: { purpose: WechatSubscribePurpose.Notice, page: `pages/notice/detail?id=${notice.id}` } });
    expect(new Map(deliveries.map((delivery) => [delivery.userId, delivery.status]))).toEqual(
      new Map([
        [workers.a2Special.id, WechatDeliveryStatus.Sent],
        [workers.a3Special.id, WechatDeliveryStatus.Skipped],
      ]),
    );
    const sends = app.wechat
      .requests(WechatPath.SubscribeSend)
      .filter((call) => (call.body as { page?: string }).page === `pages/notice/detail?id=${notice.id}`);
    expect(sends).toHaveLength(1);
    const sent = sends[0].body as { touser: string; template_id: string; data: Record<string, { value: string }> };
    expect(sent.touser).toBe(workers.a2Special.openId);
    expect(sent.template_id).toBe(NOTICE_TEMPLATE);
    expect(sent.data.thing2.value).toBe(tree.units.cityA.name);
    expect(sent.data.thing4.value).toBe('请及时查看并确认阅知');
    expect(sent.data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    // The long title is cut on characters to WeChat's 20 for a thing, never over.
    expect([...sent.data.thing1.value]).toHaveLength(20);
    expect(sent.data.thing1.value.endsWith('…')).toBe(true);
  });

  it('reaches no one in city B, no chemicals worker outside the group, no special-operations worker of another industry', async () => {
    const { tree, workers } = await chemicalsProvince();
    const reached = await expectAudience(
      filterOf(tree.units.cityA, {
        industries: [Industry.HazardousChemicals],
        workerGroups: [WorkerGroup.SpecialOperations],
        roles: [Role.Worker],
      }),
      [workers.a2Special, workers.a3Special],
    );
    for (const user of [
      workers.b2Special,
      workers.a2Plain,
      workers.a2NewHire,
      workers.a1Special,
      workers.a2SpecialDisabled,
    ]) {
      expect(reached.has(user.id)).toBe(false);
    }
    // The same filters over the whole province do reach city B's chemicals worker.
    await expectAudience(
      filterOf(tree.units.province, {
        industries: [Industry.HazardousChemicals],
        workerGroups: [WorkerGroup.SpecialOperations],
      }),
      [workers.a2Special, workers.a3Special, workers.b2Special],
    );
  });

  it('without filters reaches the subtree’s workers, officers and union staff, each once, through their own node', async () => {
    const tree: TestTree = await createTestTree(app.dataSource);
    const { users, units } = tree;
    // An officer who is also union staff in the subtree is reached once, through their enterprise.
    await grantRole(app.dataSource, users.officerA2, Role.UnionStaff, units.countyA);
    const reached = await expectAudience(filterOf(units.cityA), [
      users.staffCityA,
      users.staffCountyA,
      users.officerA1,
      users.officerA2,
      users.workerA1,
    ]);
    expect(reached.get(users.staffCityA.id)).toBe(units.cityA.id);
    expect(reached.get(users.staffCountyA.id)).toBe(units.countyA.id);
    expect(reached.get(users.officerA2.id)).toBe(units.enterpriseA2.id);
    expect(reached.get(users.workerA1.id)).toBe(units.enterpriseA1.id);
  });

  it.each([
    ['union staff only', { roles: [Role.UnionStaff] }, ['staffCityA', 'staffCountyA']],
    ['officers only', { roles: [Role.Officer] }, ['officerA1', 'officerA2']],
    ['officers of coal mines', { roles: [Role.Officer], industries: [Industry.CoalMine] }, ['officerA1']],
    // Industries belong to enterprises: union staff drop out, everyone bound to a coal mine stays.
    ['everyone of coal mines', { industries: [Industry.CoalMine] }, ['officerA1', 'workerA1']],
    [
      'union staff of chemicals (none: staff sit above enterprises)',
      { roles: [Role.UnionStaff], industries: [Industry.HazardousChemicals] },
      [],
    ],
  ] as const)('narrows by %s', async (_case, narrowing, expected) => {
    const tree = await createTestTree(app.dataSource);
    const filter = filterOf(tree.units.cityA, {
      roles: [...((narrowing as { roles?: Role[] }).roles ?? [])],
      industries: [...((narrowing as { industries?: Industry[] }).industries ?? [])],
    });
    await expectAudience(
      filter,
      expected.map((name) => tree.users[name]),
    );
  });

  it('reaches no one under an archived enterprise and no disabled account', async () => {
    const tree = await createTestTree(app.dataSource);
    const archived = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: tree.units.countyA });
    await app.dataSource.getRepository(OrgUnit).update({ id: archived.id }, { archivedAt: new Date() });
    await createUser(app.dataSource, { enterpriseId: archived.id });
    await createUser(app.dataSource, { enterpriseId: tree.units.enterpriseA1.id, disabledAt: new Date() });
    await expectAudience(filterOf(tree.units.countyA, { roles: [Role.Worker] }), [
      tree.users.officerA1,
      tree.users.workerA1,
    ]);
  });
});
