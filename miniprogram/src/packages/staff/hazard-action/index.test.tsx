import {
  addChinaDays,
  chinaDateOf,
  HazardAction,
  HazardCategory,
  HazardGrade,
  HazardPhotoKind,
  HazardState,
  Industry,
  type UserSummary,
} from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { hazardDetailFixture, hazardPhotoFixture, hazardSummaryFixture } from '../../../../test/fixtures';
import { currentRouter, redirectTo } from '../../../../test/mocks/taro';
import { installObjectUrls, nextPhotosChosen } from '../../../../test/photos';
import HazardActionPage from './index';

const TODAY = chinaDateOf(new Date());

function type(id: string, value: string): void {
  fireEvent.change(byId(id), { target: { value } });
}

function person(id: string, displayName: string): UserSummary {
  return {
    id,
    displayName,
    phone: '139****5678',
    employeeNumber: null,
    workerGroups: [],
    enterprise: { id: '7', name: '河口煤业有限公司' },
    roles: [],
    disabled: false,
  };
}

function openForm(action: HazardAction, id = '501'): void {
  currentRouter.path = '/packages/staff/hazard-action/index';
  currentRouter.params = { id, action };
}

/** The ticket allows `action`; the action's endpoint answers with the ticket moved on. */
function ticketAllowing(action: HazardAction, overrides = {}, routes = {}) {
  const ticket = hazardDetailFixture({ actions: [action], ...overrides });
  const api = fakeApi({
    'GET /hazards/501': ok(ticket),
    [`POST /hazards/501/${action.replace(/_/g, '-')}`]: ok({ ...ticket, actions: [] }),
    ...routes,
  });
  return api;
}

async function ready(): Promise<void> {
  await waitFor(() => expect(document.getElementById('action-confirm')).not.toBeNull());
}

function posted(api: { calls: RecordedRequest[] }, path: string): unknown[] {
  return api.calls.filter((call) => call.method === 'POST' && call.path === path).map((call) => call.data);
}

describe('staff action forms (packages/staff/hazard-action)', () => {
  beforeEach(() => {
    installObjectUrls();
    signIn();
  });

  describe('研判交办', () => {
    it('requires a grade, a responsible person, measures and a deadline not before today', async () => {
      openForm(HazardAction.Triage);
      const api = ticketAllowing(HazardAction.Triage);
      render(<HazardActionPage />);
      await ready();

      fireEvent.click(byId('action-confirm'));

      expect(await screen.findByText('请选择隐患等级')).toBeTruthy();
      expect(screen.getByText('请选择整改责任人')).toBeTruthy();
      expect(screen.getByText('请填写整改措施')).toBeTruthy();
      expect(screen.getByText('请选择整改期限')).toBeTruthy();

      type('triage-deadline', addChinaDays(TODAY, -1));
      fireEvent.click(byId('action-confirm'));
      expect(await screen.findByText('整改期限不能早于今天')).toBeTruthy();

      type('triage-deadline', '2026/12/31');
      fireEvent.click(byId('action-confirm'));
      expect(await screen.findByText('请按 年-月-日 填写日期，如 2026-12-31')).toBeTruthy();

      type('triage-deadline', '2026-02-30');
      fireEvent.click(byId('action-confirm'));
      expect(await screen.findByText('请按 年-月-日 填写日期，如 2026-12-31')).toBeTruthy();
      expect(posted(api, '/hazards/501/triage')).toHaveLength(0);
    });

    it('requires the contingency plan for 重大 only, and assigns with the 五定', async () => {
      openForm(HazardAction.Triage);
      const api = ticketAllowing(
        HazardAction.Triage,
        {},
        {
          'GET /users': (req: RecordedRequest) =>
            new URL(req.url, 'http://ankang.test').searchParams.get('q') === '王'
              ? ok({ items: [person('u-5', '王小明')], nextCursor: null })
              : ok({ items: [person('u-5', '王小明'), person('u-6', '马师傅')], nextCursor: null }),
        },
      );
      render(<HazardActionPage />);
      await ready();

      fireEvent.click(byId('triage-grade-major'));
      expect(byId('triage-major-warning').textContent).toContain('立即通知上级工会');
      fireEvent.click(byId('triage-responsible'));
      await waitFor(() => byId('person-u-6'));
      type('person-search', '王');
      fireEvent.click(byId('person-search-submit'));
      await waitFor(() => {
        expect(document.getElementById('person-u-6')).toBeNull();
        byId('person-u-5');
      });
      fireEvent.click(byId('person-u-5'));
      expect(byId('triage-responsible').textContent).toContain('王小明');
      fireEvent.click(byId(`triage-category-${HazardCategory.ViolationOperation}`));
      type('triage-measures', '停机更换护罩');
      type('triage-funding', '2000 元');
      type('triage-deadline', addChinaDays(TODAY, 3));

      fireEvent.click(byId('action-confirm'));
      expect(await screen.findByText('重大隐患必须填写应急预案')).toBeTruthy();
      expect(posted(api, '/hazards/501/triage')).toHaveLength(0);

      // 一般 needs no plan.
      fireEvent.click(byId('triage-grade-general'));
      fireEvent.click(byId('triage-grade-major'));
      type('triage-contingency', '停机挂牌，专人看护');
      fireEvent.click(byId('action-confirm'));

      await waitFor(() => expect(posted(api, '/hazards/501/triage')).toHaveLength(1));
      expect(posted(api, '/hazards/501/triage')[0]).toEqual({
        grade: HazardGrade.Major,
        category: HazardCategory.ViolationOperation,
        industry: Industry.CoalMine,
        responsibleUserId: 'u-5',
        measures: '停机更换护罩',
        funding: '2000 元',
        deadline: addChinaDays(TODAY, 3),
        contingencyPlan: '停机挂牌，专人看护',
      });
      const usersQuery = new URL(api.callsTo('GET', '/users')[0].url, 'http://ankang.test').searchParams;
      expect(usersQuery.get('orgUnitId')).toBe('7');
      await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/hazard/detail?id=501' }));
    });

    it('does not ask for a plan for 一般 and leaves optional fields out', async () => {
      openForm(HazardAction.Triage);
      const api = ticketAllowing(
        HazardAction.Triage,
        {},
        { 'GET /users': ok({ items: [person('u-5', '王小明')], nextCursor: null }) },
      );
      render(<HazardActionPage />);
      await ready();
      fireEvent.click(byId('triage-grade-general'));
      fireEvent.click(byId('triage-responsible'));
      await waitFor(() => byId('person-u-5'));
      fireEvent.click(byId('person-u-5'));
      type('triage-measures', '补装护罩');
      type('triage-deadline', TODAY);
      fireEvent.click(byId('action-confirm'));

      await waitFor(() => expect(posted(api, '/hazards/501/triage')).toHaveLength(1));
      expect(posted(api, '/hazards/501/triage')[0]).toEqual({
        grade: HazardGrade.General,
        category: HazardCategory.UnsafeCondition,
        industry: Industry.CoalMine,
        responsibleUserId: 'u-5',
        measures: '补装护罩',
        deadline: TODAY,
      });
    });
  });

  describe('reasons', () => {
    it.each([
      [HazardAction.Reject, 'reject-reason', '/hazards/501/reject'],
      [HazardAction.Fail, 'fail-reason', '/hazards/501/fail'],
      [HazardAction.Reopen, 'reopen-reason', '/hazards/501/reopen'],
    ])('%s needs a reason', async (action, field, path) => {
      openForm(action);
      const api = ticketAllowing(action);
      render(<HazardActionPage />);
      await ready();

      fireEvent.click(byId('action-confirm'));
      expect(await screen.findByText('请填写原因')).toBeTruthy();
      type(field, '   ');
      fireEvent.click(byId('action-confirm'));
      expect(await screen.findByText('请填写原因')).toBeTruthy();
      expect(posted(api, path)).toHaveLength(0);

      type(field, '  护罩仍未固定  ');
      fireEvent.click(byId('action-confirm'));
      await waitFor(() => expect(posted(api, path)).toEqual([{ reason: '护罩仍未固定' }]));
    });
  });

  it('验收: shows the fix and its photos, and passes with an optional note', async () => {
    openForm(HazardAction.Pass);
    const api = ticketAllowing(HazardAction.Pass, {
      state: HazardState.PendingVerification,
      photos: [hazardPhotoFixture(), hazardPhotoFixture({ id: '9002', kind: HazardPhotoKind.Fix })],
      events: [
        ...hazardDetailFixture().events,
        {
          id: 'e-9',
          action: HazardAction.SubmitFix,
          fromState: HazardState.Rectifying,
          toState: HazardState.PendingVerification,
          actor: { id: 'u-5', displayName: '王小明' },
          note: '已更换护罩并试车',
          createdAt: '2026-11-30T02:00:00.000Z',
        },
      ],
    });
    Object.defineProperty(globalThis, 'fetch', {
      value: jest.fn(async () => ({
        ok: true,
        status: 200,
        headers: new Headers(),
        blob: async () => new Blob(['x']),
      })),
      configurable: true,
      writable: true,
    });
    render(<HazardActionPage />);
    await ready();

    expect(byId('fix-evidence').textContent).toContain('已更换护罩并试车');
    await waitFor(() => expect(document.querySelectorAll('#fix-evidence-photos img')).toHaveLength(1));
    fireEvent.click(byId('action-confirm'));
    await waitFor(() => expect(posted(api, '/hazards/501/pass')).toEqual([{}]));
  });

  it('延期审批: shows the request and sends the note', async () => {
    openForm(HazardAction.ApproveExtension);
    const api = ticketAllowing(HazardAction.ApproveExtension, {
      state: HazardState.Rectifying,
      deadline: '2026-12-05',
      pendingExtension: { deadline: '2026-12-20', reason: '配件要从厂家订购', requestedAt: '2026-12-01T02:00:00.000Z' },
    });
    render(<HazardActionPage />);
    await ready();
    expect(byId('pending-extension').textContent).toContain('期限从 2026-12-05 延到 2026-12-20');
    type('extension-note', '同意，请抓紧');
    fireEvent.click(byId('action-confirm'));
    await waitFor(() => expect(posted(api, '/hazards/501/extension-approve')).toEqual([{ note: '同意，请抓紧' }]));
  });

  it('合并: needs the ticket it repeats, chosen among the others of the enterprise', async () => {
    openForm(HazardAction.Merge);
    const api = ticketAllowing(
      HazardAction.Merge,
      {},
      {
        'GET /hazards': ok({
          items: [
            hazardSummaryFixture(),
            hazardSummaryFixture({ id: '502', code: 'HZ-20261128-0003', state: HazardState.Assigned }),
            hazardSummaryFixture({ id: '503', state: HazardState.Rejected }),
            hazardSummaryFixture({ id: '504', enterprise: { id: '8', name: '别的企业' } }),
          ],
          nextCursor: null,
        }),
      },
    );
    render(<HazardActionPage />);
    await waitFor(() => byId('merge-target-502'));
    expect(document.getElementById('merge-target-501')).toBeNull();
    expect(document.getElementById('merge-target-503')).toBeNull();
    expect(document.getElementById('merge-target-504')).toBeNull();
    const query = new URL(api.callsTo('GET', '/hazards')[0].url, 'http://ankang.test').searchParams;
    expect(query.get('view')).toBe('all');
    expect(query.get('workplaceId')).toBe('42');

    fireEvent.click(byId('action-confirm'));
    expect(await screen.findByText('请选择它重复的那条隐患')).toBeTruthy();

    fireEvent.click(byId('merge-target-502'));
    fireEvent.click(byId('action-confirm'));
    await waitFor(() => expect(posted(api, '/hazards/501/merge')).toEqual([{ duplicateOfTicketId: '502' }]));
  });

  it('立查立改: needs after-photos and a note, uploads them as fix photos', async () => {
    openForm(HazardAction.FixOnTheSpot);
    const api = ticketAllowing(HazardAction.FixOnTheSpot, {}, { 'POST /hazard-photos': ok({ id: 'fix-1' }, 201) });
    render(<HazardActionPage />);
    await ready();

    fireEvent.click(byId('action-confirm'));
    expect(await screen.findByText('请上传整改后的照片')).toBeTruthy();
    expect(screen.getByText('请填写整改情况')).toBeTruthy();

    nextPhotosChosen(1);
    fireEvent.click(byId('fix-photo-add'));
    await waitFor(() => expect(document.querySelectorAll('#fix-photo img')).toHaveLength(1));
    type('fix-note', '当场关好配电箱门并上锁');
    fireEvent.click(byId('action-confirm'));

    await waitFor(() =>
      expect(posted(api, '/hazards/501/fix-on-the-spot')).toEqual([
        { note: '当场关好配电箱门并上锁', photoIds: ['fix-1'], grade: HazardGrade.General },
      ]),
    );
    expect((posted(api, '/hazard-photos')[0] as { kind: string }).kind).toBe('fix');
    expect(api.callsTo('POST', '/hazard-photos')[0].file?.size).toBe(10);
  });

  it('报送主管部门: needs the department, and the date may not be in the future', async () => {
    openForm(HazardAction.ReportToAuthority);
    const api = ticketAllowing(HazardAction.ReportToAuthority, {
      grade: HazardGrade.Major,
      state: HazardState.Assigned,
    });
    render(<HazardActionPage />);
    await ready();
    expect((byId('authority-date') as HTMLInputElement).value).toBe(TODAY);

    type('authority-date', addChinaDays(TODAY, 1));
    fireEvent.click(byId('action-confirm'));
    expect(await screen.findByText('请填写主管部门')).toBeTruthy();
    expect(screen.getByText('报送日期不能晚于今天')).toBeTruthy();

    type('authority-department', '互助县应急管理局');
    type('authority-date', TODAY);
    type('authority-reference', '互应急〔2026〕12 号');
    fireEvent.click(byId('action-confirm'));
    await waitFor(() =>
      expect(posted(api, '/hazards/501/authority-report')).toEqual([
        { department: '互助县应急管理局', reportedOn: TODAY, reference: '互应急〔2026〕12 号' },
      ]),
    );
  });

  it('重新交办: starts from the current 五定', async () => {
    openForm(HazardAction.Reassign);
    const deadline = addChinaDays(TODAY, 5);
    const api = ticketAllowing(HazardAction.Reassign, {
      state: HazardState.Rectifying,
      grade: HazardGrade.General,
      assignment: {
        responsible: { id: 'u-5', displayName: '王小明' },
        measures: '更换护罩',
        funding: null,
        deadline,
        contingencyPlan: null,
      },
    });
    render(<HazardActionPage />);
    await ready();
    expect(byId('reassign-responsible').textContent).toContain('王小明');
    expect((byId('reassign-measures') as HTMLTextAreaElement).value).toBe('更换护罩');
    type('reassign-note', '王小明休假');
    fireEvent.click(byId('action-confirm'));
    await waitFor(() =>
      expect(posted(api, '/hazards/501/reassign')).toEqual([
        { responsibleUserId: 'u-5', measures: '更换护罩', deadline, note: '王小明休假' },
      ]),
    );
  });

  it('offers no form for an action the server does not list for the caller now', async () => {
    openForm(HazardAction.Pass);
    fakeApi({
      'GET /hazards/501': ok(hazardDetailFixture({ state: HazardState.Closed, actions: [HazardAction.Reopen] })),
    });
    render(<HazardActionPage />);
    await waitFor(() => byId('action-not-allowed'));
    expect(byId('action-not-allowed').textContent).toContain('这条隐患现在不能「验收通过」');
    expect(document.getElementById('action-confirm')).toBeNull();
  });
});
