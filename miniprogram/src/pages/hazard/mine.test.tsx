import {
  HazardAction,
  HazardCategory,
  HazardState,
  ReporterVisibility,
  type ReportHazardRequest,
} from '@ankang/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { apiError, fakeApi, ok, type RecordedRequest, signInAs } from '../../../test/fake-api';
import { hazardDetailFixture, hazardSummaryFixture } from '../../../test/fixtures';
import { currentRouter, navigateTo, reLaunch, setNetwork, showModal, taroStorage } from '../../../test/mocks/taro';
import { queueReport, startOutboxSync } from '../../features/hazards';
import FollowPage from './follow';
import MyReportsPage from './mine';

const FOLLOWED = {
  token: 'token-abc',
  code: 'HZ-20261128-0007',
  category: HazardCategory.ViolationDiscipline,
  workplaceName: '主井口',
  enterpriseName: '河口煤业有限公司',
  reportedAt: '2026-11-28T03:00:00.000Z',
};

const FOLLOW_VIEW = {
  code: FOLLOWED.code,
  state: HazardState.Rectifying,
  category: FOLLOWED.category,
  workplace: { name: '主井口' },
  enterprise: { name: '河口煤业有限公司' },
  deadline: '2026-12-05',
  events: [
    { action: 'report' as const, toState: HazardState.Submitted, createdAt: '2026-11-28T03:00:00.000Z' },
    { action: HazardAction.Triage, toState: HazardState.Assigned, createdAt: '2026-11-28T05:00:00.000Z' },
    { action: HazardAction.Start, toState: HazardState.Rectifying, createdAt: '2026-11-29T01:00:00.000Z' },
  ],
  createdAt: '2026-11-28T03:00:00.000Z',
  closedAt: null,
};

async function queueOne(ownerId: string, clientKey = 'report-1'): Promise<void> {
  process.env.TARO_ENV = 'weapp';
  await queueReport(
    {
      clientKey,
      workplace: { id: '42', code: 'HK-COAL-01', name: '主井口', enterpriseName: '河口煤业有限公司' },
      category: HazardCategory.UnsafeBehavior,
      description: '高处作业未系安全带',
      locationNote: '',
      reporterVisibility: ReporterVisibility.Named,
      createdAt: '2026-11-29T01:00:00.000Z',
      photos: [{ clientKey: 'photo-1', path: 'wxfile://tmp/p1.jpg', size: 1000, photoId: null }],
    },
    ownerId,
  );
}

describe('我的上报', () => {
  let stopSync: () => void = () => undefined;

  afterEach(() => {
    stopSync();
  });

  it('needs a session and comes back here after login', () => {
    render(<MyReportsPage />);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index?redirect=%2Fpages%2Fhazard%2Fmine' });
  });

  it('lists named and hidden-name reports from the server and opens one', async () => {
    signInAs('7');
    fakeApi({
      'GET /hazards/mine': ok({ items: [hazardSummaryFixture({ state: HazardState.Closed })], nextCursor: null }),
    });
    render(<MyReportsPage />);
    await waitFor(() => byId('ticket-501'));
    expect(byId('ticket-501').textContent).toContain('已销号');
    fireEvent.click(byId('ticket-501'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/detail?id=501' });
  });

  it('shows a report queued without network as 待发送, and sends it once the network is back', async () => {
    signInAs('7');
    await queueOne('7');
    let online = false;
    const reports: ReportHazardRequest[] = [];
    let mine = [] as ReturnType<typeof hazardSummaryFixture>[];
    const api = fakeApi({
      'GET /hazards/mine': () => ok({ items: mine, nextCursor: null }),
      'POST /hazard-photos': () => {
        if (!online) {
          throw Object.assign(new Error('offline'), { errMsg: 'uploadFile:fail' });
        }
        return ok({ id: 'p-1' }, 201);
      },
      'POST /hazards': (req: RecordedRequest) => {
        reports.push(req.data as ReportHazardRequest);
        mine = [hazardSummaryFixture({ id: '601', description: '高处作业未系安全带' })];
        return ok({ ticket: hazardDetailFixture({ id: '601' }), followToken: null }, 201);
      },
    });
    stopSync = startOutboxSync();
    render(<MyReportsPage />);

    await waitFor(() => expect(byId('queued-report-1').textContent).toContain('待发送'));
    expect(byId('queued-report-1').textContent).toContain('高处作业未系安全带');
    // The first try on opening the page found no network: still waiting.
    await waitFor(() => expect(api.callsTo('POST', '/hazard-photos').length).toBeGreaterThan(0));
    expect(document.getElementById('queued-report-1')).not.toBeNull();

    online = true;
    act(() => {
      setNetwork('wifi');
    });

    await waitFor(() => expect(document.getElementById('outbox')).toBeNull());
    await waitFor(() => byId('ticket-601'));
    expect(reports).toHaveLength(1);
    expect(reports[0].clientKey).toBe('report-1');
  });

  it('lets the person give up a report the server refused, after confirming', async () => {
    signInAs('7');
    await queueOne('7');
    fakeApi({
      'GET /hazards/mine': ok({ items: [], nextCursor: null }),
      'POST /hazard-photos': ok({ id: 'p-1' }, 201),
      'POST /hazards': apiError(409, 'ORG_WORKPLACE_ARCHIVED' as never, '该作业场所已停用'),
    });
    render(<MyReportsPage />);

    await waitFor(() => expect(byId('queued-report-1').textContent).toContain('该作业场所已停用'));
    expect(byId('queued-report-1').textContent).toContain('发送失败');
    fireEvent.click(byId('queued-delete-report-1'));

    await waitFor(() => expect(document.getElementById('queued-report-1')).toBeNull());
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除这条上报' }));
    expect(taroStorage.get('ankang.hazard-outbox')).toEqual([]);
  });

  it('shows another person’s queued reports and anonymous tokens to nobody else on the phone', async () => {
    await queueOne('7');
    taroStorage.set('ankang.hazard-follow-tokens', [{ ...FOLLOWED, ownerId: '7' }]);
    signInAs('8');
    const api = fakeApi({ 'GET /hazards/mine': ok({ items: [], nextCursor: null }) });
    render(<MyReportsPage />);
    await screen.findByText('还没有实名上报的隐患。');
    expect(document.getElementById('outbox')).toBeNull();
    expect(document.getElementById('anonymous-reports')).toBeNull();
    expect(api.calls.map((call) => call.path)).toEqual(['/hazards/mine']);
  });

  it('follows anonymous reports with the tokens kept on the phone, without the session', async () => {
    signInAs('7');
    taroStorage.set('ankang.hazard-follow-tokens', [{ ...FOLLOWED, ownerId: '7' }]);
    const api = fakeApi({
      'GET /hazards/mine': ok({ items: [], nextCursor: null }),
      'GET /hazards/follow/token-abc': ok(FOLLOW_VIEW),
    });
    render(<MyReportsPage />);

    await waitFor(() => expect(byId(`followed-${FOLLOWED.code}`).textContent).toContain('整改中'));
    const [follow] = api.callsTo('GET', '/hazards/follow/token-abc');
    expect(follow.header.Authorization).toBeUndefined();

    fireEvent.click(byId(`followed-${FOLLOWED.code}`));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/follow?code=HZ-20261128-0007' });
  });
});

describe('匿名上报进度 (follow page)', () => {
  it('shows the state and the steps, naming nobody, through the token from the phone', async () => {
    signInAs('7');
    taroStorage.set('ankang.hazard-follow-tokens', [{ ...FOLLOWED, ownerId: '7' }]);
    currentRouter.params = { code: FOLLOWED.code };
    fakeApi({ 'GET /hazards/follow/token-abc': ok(FOLLOW_VIEW) });
    render(<FollowPage />);

    await waitFor(() => expect(byId('hazard-state').textContent).toBe('整改中'));
    expect(byId('hazard-code').textContent).toBe(FOLLOWED.code);
    const timeline = byId('hazard-timeline').textContent ?? '';
    expect(timeline).toContain('上报隐患');
    expect(timeline).toContain('研判交办');
    expect(timeline).toContain('开始整改');
    expect(timeline).not.toContain('系统');
  });

  it('says so when this phone holds no token for the code', async () => {
    signInAs('7');
    currentRouter.params = { code: 'HZ-20261128-0099' };
    const api = fakeApi({});
    render(<FollowPage />);
    expect(await screen.findByText('这部手机上没有这条匿名上报的凭证，无法查看进度。')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });
});
