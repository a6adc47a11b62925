import {
  addChinaDays,
  chinaDateOf,
  HAZARD_ACTION_LABELS,
  HazardAction,
  HazardErrorCode,
  HazardGrade,
  HazardPhotoKind,
  HazardState,
  ReporterVisibility,
} from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { apiError, fakeApi, ok, signIn } from '../../../test/fake-api';
import { hazardDetailFixture, hazardPhotoFixture } from '../../../test/fixtures';
import {
  currentRouter,
  downloadFile,
  navigateTo,
  previewImage,
  reLaunch,
  showPageAgain,
} from '../../../test/mocks/taro';
import { installObjectUrls, nextPhotosChosen } from '../../../test/photos';
import HazardDetailPage from './detail';

const TODAY = chinaDateOf(new Date());

const ASSIGNED = hazardDetailFixture({
  state: HazardState.Assigned,
  grade: HazardGrade.Major,
  deadline: addChinaDays(TODAY, 7),
  assignment: {
    responsible: { id: 'u-5', displayName: '王小明' },
    measures: '更换护罩',
    funding: '2000 元',
    deadline: addChinaDays(TODAY, 7),
    contingencyPlan: '停机挂牌',
  },
  events: [
    ...hazardDetailFixture().events,
    {
      id: 'e-2',
      action: HazardAction.Triage,
      fromState: HazardState.Submitted,
      toState: HazardState.Assigned,
      actor: { id: 'u-9', displayName: '张安全' },
      note: null,
      createdAt: '2026-11-29T02:00:00.000Z',
    },
    {
      id: 'e-3',
      action: 'remind_deadline_soon',
      fromState: HazardState.Assigned,
      toState: HazardState.Assigned,
      actor: null,
      note: null,
      createdAt: '2026-11-30T02:00:00.000Z',
    },
  ],
});

function open(id = '501'): void {
  currentRouter.path = '/pages/hazard/detail';
  currentRouter.params = { id };
}

describe('隐患工单 (ticket detail)', () => {
  beforeEach(() => {
    installObjectUrls();
    Object.defineProperty(globalThis, 'fetch', {
      value: jest.fn(async () => ({
        ok: true,
        status: 200,
        headers: new Headers({ 'content-type': 'image/jpeg' }),
        blob: async () => new Blob(['jpeg'], { type: 'image/jpeg' }),
        text: async () => '',
      })),
      configurable: true,
      writable: true,
    });
  });

  it('sends a visitor without a session to login, to come back to this ticket', () => {
    open('501');
    render(<HazardDetailPage />);
    expect(reLaunch).toHaveBeenCalledWith({
      url: '/pages/login/index?redirect=%2Fpages%2Fhazard%2Fdetail%3Fid%3D501',
    });
  });

  it('shows the ticket: code, state (已销号 for closed), grade, category, place, 五定, deadline and timeline', async () => {
    signIn();
    open();
    fakeApi({ 'GET /hazards/501': ok(ASSIGNED) });
    render(<HazardDetailPage />);

    await waitFor(() => expect(byId('hazard-code').textContent).toBe('HZ-20261129-0001'));
    expect(byId('hazard-state').textContent).toBe('已交办');
    expect(byId('hazard-grade').textContent).toBe('重大隐患');
    expect(byId('hazard-category').textContent).toBe('物的不安全状态');
    expect(byId('hazard-workplace').textContent).toBe('主井口 · 河口煤业有限公司');
    expect(byId('hazard-responsible').textContent).toBe('王小明');
    expect(byId('hazard-assignment').textContent).toContain('停机挂牌');
    expect(byId('hazard-deadline').textContent).toBe(addChinaDays(TODAY, 7));
    const timeline = byId('hazard-timeline').textContent ?? '';
    expect(timeline).toContain('上报隐患');
    expect(timeline).toContain('李建国 · 2026-11-29 09:30');
    expect(timeline).toContain('研判交办');
    expect(timeline).toContain('张安全 · 2026-11-29 10:00');
    expect(timeline).toContain('整改期限临近提醒');
    expect(timeline).toContain('系统 · 2026-11-30 10:00');
    // Nothing to do for this caller: no action buttons at all.
    expect(document.getElementById('hazard-actions')).toBeNull();
  });

  it('says 匿名 for an anonymous reporter and shows 已销号 and the overdue flag', async () => {
    signIn();
    open();
    fakeApi({
      'GET /hazards/501': ok(
        hazardDetailFixture({
          state: HazardState.Closed,
          overdue: true,
          deadline: '2026-11-30',
          reporterVisibility: ReporterVisibility.Anonymous,
          reporter: null,
          events: [{ ...hazardDetailFixture().events[0], actor: null }],
          closedAt: '2026-12-01T02:00:00.000Z',
        }),
      ),
    });
    render(<HazardDetailPage />);
    await waitFor(() => expect(byId('hazard-state').textContent).toBe('已销号'));
    expect(byId('hazard-reporter').textContent).toBe('匿名');
    expect(byId('hazard-timeline').textContent).toContain('匿名 · 2026-11-29 09:30');
    expect(byId('hazard-overdue').textContent).toBe('已逾期');
  });

  it('offers exactly the actions the server lists for the caller, in its order', async () => {
    signIn();
    open();
    const actions = [HazardAction.Triage, HazardAction.FixOnTheSpot, HazardAction.Reject, HazardAction.Merge];
    fakeApi({ 'GET /hazards/501': ok(hazardDetailFixture({ actions })) });
    render(<HazardDetailPage />);

    await waitFor(() => expect(document.getElementById('hazard-actions')).not.toBeNull());
    const buttons = [...document.querySelectorAll('[id^="action-"]')].filter((node) => node.closest('#hazard-actions'));
    expect(buttons.map((button) => button.id)).toEqual(actions.map((action) => `action-${action}`));
    expect(buttons.map((button) => button.textContent)).toEqual(actions.map((action) => HAZARD_ACTION_LABELS[action]));

    fireEvent.click(byId('action-triage'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/hazard-action/index?id=501&action=triage' });
  });

  it('shows the photos through authenticated downloads and opens one large', async () => {
    signIn();
    open();
    fakeApi({
      'GET /hazards/501': ok(
        hazardDetailFixture({
          photos: [hazardPhotoFixture(), hazardPhotoFixture({ id: '9002', kind: HazardPhotoKind.Fix })],
        }),
      ),
    });
    render(<HazardDetailPage />);

    await waitFor(() => expect(document.querySelectorAll('#hazard-photos img')).toHaveLength(1));
    expect(document.querySelectorAll('#hazard-fix-photos img')).toHaveLength(1);
    const fetchMock = globalThis.fetch as jest.Mock;
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/hazards/501/photos/9001?variant=thumbnail', {
      headers: { Accept: '*/*', Authorization: 'Bearer access-1' },
    });

    fireEvent.click(byId('hazard-photos-9001'));
    await waitFor(() => expect(previewImage).toHaveBeenCalled());
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/hazards/501/photos/9001', expect.anything());
  });

  it('downloads photos with Taro.downloadFile in WeChat', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    open();
    downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/thumb.jpg', errMsg: 'ok' });
    fakeApi({ 'GET /hazards/501': ok(hazardDetailFixture()) });
    render(<HazardDetailPage />);
    await waitFor(() =>
      expect(document.querySelector('#hazard-photos img')?.getAttribute('src')).toBe('wxfile://tmp/thumb.jpg'),
    );
    expect(downloadFile).toHaveBeenCalledWith({
      url: 'http://127.0.0.1:3000/api/v1/hazards/501/photos/9001?variant=thumbnail',
      header: { Authorization: 'Bearer access-1' },
    });
  });

  it('lets the assignee start, then shows the ticket as the server answers', async () => {
    signIn();
    open();
    const api = fakeApi({
      'GET /hazards/501': ok({ ...ASSIGNED, actions: [HazardAction.Start, HazardAction.RequestExtension] }),
      'POST /hazards/501/start': ok({ ...ASSIGNED, state: HazardState.Rectifying, actions: [HazardAction.SubmitFix] }),
    });
    render(<HazardDetailPage />);
    await waitFor(() => byId('action-start'));

    fireEvent.click(byId('action-start'));
    fireEvent.click(byId('action-confirm'));

    await waitFor(() => expect(byId('hazard-state').textContent).toBe('整改中'));
    expect(api.callsTo('POST', '/hazards/501/start')[0].data).toEqual({});
    expect(document.getElementById('action-sheet')).toBeNull();
    expect(byId('action-submit_fix')).toBeTruthy();
  });

  it('asks the assignee for a later deadline and a reason before requesting an extension', async () => {
    signIn();
    open();
    const deadline = ASSIGNED.deadline as string;
    const api = fakeApi({
      'GET /hazards/501': ok({ ...ASSIGNED, actions: [HazardAction.RequestExtension] }),
      'POST /hazards/501/extension-request': ok({ ...ASSIGNED, actions: [] }),
    });
    render(<HazardDetailPage />);
    await waitFor(() => byId('action-request_extension'));
    fireEvent.click(byId('action-request_extension'));

    fireEvent.click(byId('action-confirm'));
    expect(await screen.findByText('请选择整改期限')).toBeTruthy();
    expect(screen.getByText('请填写延期理由')).toBeTruthy();

    fireEvent.change(byId('extension-deadline'), { target: { value: deadline } });
    fireEvent.click(byId('action-confirm'));
    expect(await screen.findByText(`新的期限须晚于现在的期限 ${deadline}`)).toBeTruthy();

    fireEvent.change(byId('extension-deadline'), { target: { value: addChinaDays(deadline, 10) } });
    fireEvent.change(byId('extension-reason'), { target: { value: '配件要从厂家订购' } });
    fireEvent.click(byId('action-confirm'));

    await waitFor(() => expect(api.callsTo('POST', '/hazards/501/extension-request')).toHaveLength(1));
    expect(api.callsTo('POST', '/hazards/501/extension-request')[0].data).toEqual({
      deadline: addChinaDays(deadline, 10),
      reason: '配件要从厂家订购',
    });
  });

  it('submits a fix with after-photos (kind fix), which are required', async () => {
    signIn();
    open();
    const rectifying = { ...ASSIGNED, state: HazardState.Rectifying, actions: [HazardAction.SubmitFix] };
    let photoCalls = 0;
    const api = fakeApi({
      'GET /hazards/501': ok(rectifying),
      'POST /hazard-photos': () => {
        photoCalls += 1;
        return ok({ id: `fix-${photoCalls}` }, 201);
      },
      'POST /hazards/501/submit-fix': () => {
        // First answer: someone else acted; the photos stay uploaded for the retry.
        return api.callsTo('POST', '/hazards/501/submit-fix').length === 1
          ? apiError(409, HazardErrorCode.TransitionNotAllowed)
          : ok({ ...rectifying, state: HazardState.PendingVerification, actions: [] });
      },
    });
    render(<HazardDetailPage />);
    await waitFor(() => byId('action-submit_fix'));
    fireEvent.click(byId('action-submit_fix'));

    fireEvent.click(byId('action-confirm'));
    expect(await screen.findByText('请上传整改后的照片')).toBeTruthy();
    expect(screen.getByText('请填写整改情况')).toBeTruthy();

    nextPhotosChosen(1);
    fireEvent.click(byId('fix-photo-add'));
    await waitFor(() => expect(document.querySelectorAll('#fix-photo img')).toHaveLength(1));
    fireEvent.change(byId('fix-note'), { target: { value: '已更换护罩并试车' } });
    fireEvent.click(byId('action-confirm'));
    expect(await screen.findByText('隐患当前的状态不能进行此操作，请刷新后查看')).toBeTruthy();

    fireEvent.click(byId('action-confirm'));
    await waitFor(() => expect(byId('hazard-state').textContent).toBe('待验收'));

    const uploads = api.callsTo('POST', '/hazard-photos');
    expect(uploads).toHaveLength(1);
    expect((uploads[0].data as { kind: string }).kind).toBe('fix');
    // H5 posts the bytes themselves (fetch + FormData).
    expect(uploads[0].fileName).toBe('photo.jpg');
    expect(uploads[0].file?.size).toBe(10);
    expect(api.callsTo('POST', '/hazards/501/submit-fix').map((call) => call.data)).toEqual([
      { note: '已更换护罩并试车', photoIds: ['fix-1'] },
      { note: '已更换护罩并试车', photoIds: ['fix-1'] },
    ]);
  });

  it('loads the ticket again when the person comes back from a staff form', async () => {
    signIn();
    open();
    let state = HazardState.Submitted;
    const api = fakeApi({ 'GET /hazards/501': () => ok(hazardDetailFixture({ state })) });
    render(<HazardDetailPage />);
    await waitFor(() => expect(byId('hazard-state').textContent).toBe('待研判'));

    state = HazardState.Assigned;
    showPageAgain();

    await waitFor(() => expect(byId('hazard-state').textContent).toBe('已交办'));
    expect(api.callsTo('GET', '/hazards/501')).toHaveLength(2);
  });

  it('answers a ticket the caller may not see like one that does not exist', async () => {
    signIn();
    open('999');
    fakeApi({ 'GET /hazards/999': apiError(404, 'COMMON_NOT_FOUND' as never) });
    render(<HazardDetailPage />);
    expect(await screen.findByText('记录不存在或您无权查看')).toBeTruthy();
  });
});
