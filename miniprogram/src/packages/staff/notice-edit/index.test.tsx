import {
  type NoticeDetail,
  NoticeErrorCode,
  NoticeFanOutState,
  NoticeKind,
  NoticeState,
  OrgKind,
  Role,
  WorkerGroup,
} from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { apiError, fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { meFixture, orgUnitFixture, roleAt } from '../../../../test/fixtures';
import { currentRouter, redirectTo } from '../../../../test/mocks/taro';
import { CLIENT_KEY_PATTERN } from '../../../api';
import NoticeEditPage from './index';

const UNION = meFixture({
  roles: [
    roleAt(Role.UnionStaff, '5', '海东市总工会', OrgKind.Union),
    roleAt(Role.Admin, '1', '青海省总工会', OrgKind.Union),
  ],
});
const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });
const TITLE = '关于做好冬季安全生产工作的通知';

function type(id: string, value: string): void {
  fireEvent.change(byId(id), { target: { value } });
}

function bodiesOf(calls: RecordedRequest[], method: string, path: string): Record<string, unknown>[] {
  return calls
    .filter((call) => call.method === method && call.path === path)
    .map((call) => call.data as Record<string, unknown>);
}

function detailOf(body: Record<string, unknown>, overrides: Partial<NoticeDetail> = {}): NoticeDetail {
  return {
    id: 'n-1',
    title: body.title as string,
    kind: body.kind as NoticeKind,
    bodyHtml: body.bodyHtml as string,
    scopeOrgUnitId: body.scopeOrgUnitId as string,
    industries: body.industries as NoticeDetail['industries'],
    workerGroups: body.workerGroups as NoticeDetail['workerGroups'],
    roles: body.roles as NoticeDetail['roles'],
    acknowledgementRequired: body.acknowledgementRequired as boolean,
    publishAt: (body.publishAt as string | null) ?? null,
    state: NoticeState.Draft,
    scope: { id: body.scopeOrgUnitId as string, name: '海东市总工会', kind: OrgKind.Union },
    author: { id: 'u-1', displayName: '李建国' },
    publishedAt: null,
    withdrawnAt: null,
    fanOut: { state: NoticeFanOutState.Pending, recipients: 0 },
    updatedAt: '2026-11-30T00:00:00.000Z',
    ...overrides,
  };
}

function newNotice(): void {
  currentRouter.path = '/packages/staff/notice-edit/index';
  currentRouter.params = {};
}

async function editorShown(): Promise<void> {
  await waitFor(() => expect(document.getElementById('notice-title')).not.toBeNull());
}

describe('notice composer (packages/staff/notice-edit)', () => {
  beforeEach(() => {
    signIn();
  });

  it('checks the title (required, at most 60 characters), kind and body before saving', async () => {
    newNotice();
    const api = fakeApi({ 'GET /me': ok(UNION), 'POST /notices/audience-count': ok({ recipients: 12 }) });
    render(<NoticeEditPage />);
    await editorShown();
    await waitFor(() => expect(byId('scope-5').getAttribute('aria-checked')).toBe('true'));

    fireEvent.click(byId('notice-save'));

    expect(await screen.findByText('请填写通知标题')).toBeTruthy();
    expect(screen.getByText('请选择通知类型')).toBeTruthy();
    expect(screen.getByText('请填写通知正文')).toBeTruthy();
    expect(byId('notice-failure').textContent).toBe('有 3 处需要修改，请查看标红的提示');

    type('notice-title', '安'.repeat(61));
    expect(await screen.findByText('标题不能超过 60 个字')).toBeTruthy();
    expect(byId('notice-title-count').textContent).toBe('61/60');
    type('notice-title', TITLE);
    await waitFor(() => expect(screen.queryByText('标题不能超过 60 个字')).toBeNull());
    expect(api.callsTo('POST', '/notices')).toHaveLength(0);
  });

  it('defaults the scope to the author’s own node, counts the audience live, and creates the draft it describes', async () => {
    newNotice();
    const api = fakeApi({
      'GET /me': ok(UNION),
      'POST /notices/audience-count': (call) =>
        ok({ recipients: (call.data as { workerGroups: string[] }).workerGroups.length > 0 ? 40 : 1250 }),
      'GET /org-units': ok({
        items: [
          orgUnitFixture({ id: '8', name: '互助县总工会', kind: OrgKind.Union, parentId: '5', childCount: 3 }),
          orgUnitFixture({ id: '9', name: '主井口', kind: OrgKind.Workplace, parentId: '5' }),
        ],
        nextCursor: null,
      }),
      'POST /notices': (call) => ok(detailOf(call.data as Record<string, unknown>), 201),
    });
    render(<NoticeEditPage />);
    await editorShown();

    // Only the nodes where the person may publish (not where they are an admin), the first chosen.
    await waitFor(() => expect(byId('scope-5').getAttribute('aria-checked')).toBe('true'));
    expect(document.getElementById('scope-1')).toBeNull();
    await waitFor(() => expect(byId('notice-audience-count').textContent).toBe('1250'));
    expect(bodiesOf(api.calls, 'POST', '/notices/audience-count')[0]).toEqual({
      scopeOrgUnitId: '5',
      industries: [],
      workerGroups: [],
      roles: [],
    });

    // Narrowing to a county union below and to special-operations workers.
    fireEvent.click(byId('scope-5-open'));
    await waitFor(() => byId('scope-8'));
    expect(document.getElementById('scope-9')).toBeNull();
    fireEvent.click(byId('scope-8'));
    fireEvent.click(byId(`notice-group-${WorkerGroup.SpecialOperations}`));
    fireEvent.click(byId(`notice-role-${Role.Worker}`));
    await waitFor(() => expect(byId('notice-audience-count').textContent).toBe('40'));

    type('notice-title', `  ${TITLE}  `);
    fireEvent.click(byId(`notice-kind-${NoticeKind.Warning}`));
    type('notice-body', '各企业：\n\n入冬以来气温骤降，请做好防冻防滑。\n严禁违章作业。');
    expect(byId('notice-ack-required').getAttribute('aria-checked')).toBe('true');

    fireEvent.click(byId('notice-save'));

    await waitFor(() => expect(api.callsTo('POST', '/notices')).toHaveLength(1));
    const [created] = bodiesOf(api.calls, 'POST', '/notices');
    expect(created).toEqual({
      scopeOrgUnitId: '8',
      industries: [],
      workerGroups: [WorkerGroup.SpecialOperations],
      roles: [Role.Worker],
      title: TITLE,
      bodyHtml: '<p>各企业：</p><p>入冬以来气温骤降，请做好防冻防滑。<br>严禁违章作业。</p>',
      kind: NoticeKind.Warning,
      acknowledgementRequired: true,
      publishAt: null,
      clientKey: expect.stringMatching(CLIENT_KEY_PATTERN),
    });
    expect(api.callsTo('POST', '/notices')[0].header['Idempotency-Key']).toBe(created.clientKey);
    await waitFor(() => byId('notice-status'));
    expect(byId('notice-status').textContent).toContain('草稿');

    // Saved once: the next save updates that draft.
    fireEvent.click(byId('notice-ack-required'));
    expect(byId('notice-ack-required').getAttribute('aria-checked')).toBe('false');
    const updated = fakeApi({
      'GET /me': ok(UNION),
      'POST /notices/audience-count': ok({ recipients: 40 }),
      'PUT /notices/n-1': (call) => ok(detailOf(call.data as Record<string, unknown>)),
    });
    fireEvent.click(byId('notice-save'));
    await waitFor(() => expect(updated.callsTo('PUT', '/notices/n-1')).toHaveLength(1));
    expect(bodiesOf(updated.calls, 'PUT', '/notices/n-1')[0]).toMatchObject({
      acknowledgementRequired: false,
      scopeOrgUnitId: '8',
    });
    expect(bodiesOf(updated.calls, 'PUT', '/notices/n-1')[0]).not.toHaveProperty('clientKey');
    expect(updated.callsTo('POST', '/notices')).toHaveLength(0);
  });

  it('publishes after the confirmation and goes on to the receipts', async () => {
    newNotice();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'POST /notices/audience-count': ok({ recipients: 86 }),
      'POST /notices': (call) => ok(detailOf(call.data as Record<string, unknown>), 201),
      'POST /notices/n-1/publish': (call) =>
        ok({
          ...detailOf(bodiesOf(api.calls, 'POST', '/notices')[0]),
          state: NoticeState.Published,
          publishedAt: '2026-11-30T02:00:00.000Z',
          fanOut: { state: NoticeFanOutState.Pending, recipients: 86 },
          id: call.path.split('/')[2],
        }),
    });
    render(<NoticeEditPage />);
    await editorShown();
    await waitFor(() => expect(byId('scope-7').getAttribute('aria-checked')).toBe('true'));
    type('notice-title', TITLE);
    fireEvent.click(byId(`notice-kind-${NoticeKind.Alert}`));
    type('notice-body', '今夜有暴雪，露天作业全部停止。');
    await waitFor(() => expect(byId('notice-audience-count').textContent).toBe('86'));

    fireEvent.click(byId('notice-publish'));

    await waitFor(() => byId('action-confirm'));
    expect(byId('notice-confirm-text').textContent).toContain('约 86 人');
    expect(api.callsTo('POST', '/notices')).toHaveLength(1);
    expect(api.callsTo('POST', '/notices/n-1/publish')).toHaveLength(0);

    fireEvent.click(byId('action-confirm'));

    await waitFor(() =>
      expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/notice-receipts/index?id=n-1' }),
    );
    expect(api.callsTo('POST', '/notices/n-1/publish')).toHaveLength(1);
  });

  it('publishes nothing when the author cancels, and shows the server’s refusal', async () => {
    newNotice();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'POST /notices/audience-count': ok({ recipients: 0 }),
      'POST /notices': (call) => ok(detailOf(call.data as Record<string, unknown>), 201),
      'POST /notices/n-1/publish': apiError(422, NoticeErrorCode.AudienceEmpty),
    });
    render(<NoticeEditPage />);
    await editorShown();
    type('notice-title', TITLE);
    fireEvent.click(byId(`notice-kind-${NoticeKind.Policy}`));
    type('notice-body', '正文');
    fireEvent.click(byId('notice-publish'));
    await waitFor(() => byId('action-cancel'));
    fireEvent.click(byId('action-cancel'));
    expect(document.getElementById('action-confirm')).toBeNull();
    expect(api.callsTo('POST', '/notices/n-1/publish')).toHaveLength(0);

    fireEvent.click(byId('notice-publish'));
    await waitFor(() => byId('action-confirm'));
    fireEvent.click(byId('action-confirm'));
    expect(await screen.findAllByText('按当前范围和条件没有接收人，请调整后再发布')).not.toHaveLength(0);
    expect(byId('notice-failure').textContent).toBe('按当前范围和条件没有接收人，请调整后再发布');
    expect(redirectTo).not.toHaveBeenCalled();
    // Unchanged since the first save: publishing again sends no second draft.
    expect(api.callsTo('POST', '/notices')).toHaveLength(1);
  });

  it('schedules with a China publish time, and refuses one in the past', async () => {
    newNotice();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'POST /notices/audience-count': ok({ recipients: 5 }),
      'POST /notices': (call) => ok(detailOf(call.data as Record<string, unknown>), 201),
    });
    render(<NoticeEditPage />);
    await editorShown();
    type('notice-title', TITLE);
    fireEvent.click(byId(`notice-kind-${NoticeKind.Training}`));
    type('notice-body', '正文');
    fireEvent.click(byId('notice-timing-scheduled'));
    type('notice-publish-date', '2020-01-01');
    type('notice-publish-time', '08:30');
    fireEvent.click(byId('notice-save'));
    expect(await screen.findByText('定时发布的时间不能早于现在')).toBeTruthy();

    type('notice-publish-date', '2099-12-01');
    fireEvent.click(byId('notice-save'));
    await waitFor(() => expect(api.callsTo('POST', '/notices')).toHaveLength(1));
    expect(bodiesOf(api.calls, 'POST', '/notices')[0].publishAt).toBe('2099-12-01T00:30:00.000Z');
  });

  it('opens a saved draft in the form, and a published notice read-only with the way to its receipts', async () => {
    currentRouter.path = '/packages/staff/notice-edit/index';
    currentRouter.params = { id: 'n-1' };
    const saved = detailOf({
      title: TITLE,
      kind: NoticeKind.Warning,
      bodyHtml: '<p>第一段</p><p>第二段</p>',
      scopeOrgUnitId: '5',
      industries: [],
      workerGroups: [],
      roles: [],
      acknowledgementRequired: true,
      publishAt: null,
    });
    fakeApi({
      'GET /me': ok(UNION),
      'GET /notices/n-1': ok(saved),
      'POST /notices/audience-count': ok({ recipients: 3 }),
    });
    const first = render(<NoticeEditPage />);
    await waitFor(() => expect((byId('notice-title') as HTMLInputElement).value).toBe(TITLE));
    expect((byId('notice-body') as HTMLTextAreaElement).value).toBe('第一段\n\n第二段');
    expect(byId(`notice-kind-${NoticeKind.Warning}`).getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById('notice-publish')).not.toBeNull();
    first.unmount();

    fakeApi({
      'GET /me': ok(UNION),
      'GET /notices/n-1': ok({ ...saved, state: NoticeState.Published, publishedAt: '2026-11-30T02:00:00.000Z' }),
    });
    render(<NoticeEditPage />);
    await waitFor(() => byId('notice-open-receipts'));
    expect(document.getElementById('notice-save')).toBeNull();
    expect(document.getElementById('notice-publish')).toBeNull();
    fireEvent.click(byId('notice-open-receipts'));
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/notice-receipts/index?id=n-1' });
  });
});
