import { AuthErrorCode, CommonErrorCode, type MeResponse } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, grant, ok, Role, signIn } from '../../../test/fake-api';
import { navigateTo, reLaunch, request, scanCode, showModal, showPageAgain, switchTab } from '../../../test/mocks/taro';
import HomePage from './index';

const WORKER: MeResponse = {
  id: 'u-1',
  displayName: '李建国',
  phone: '13812341234',
  roles: [grant(Role.Worker, '安康化工有限公司')],
  enterprise: { id: 'e-1', name: '安康化工有限公司' },
  employeeNumber: null,
  workerGroups: [],
  pendingBinding: null,
  createdAt: '2024-11-01T00:00:00.000Z',
};

const OFFICER: MeResponse = {
  ...WORKER,
  id: 'u-2',
  displayName: '张安全',
  roles: [grant(Role.Worker, '安康化工有限公司'), grant(Role.Officer, '安康化工有限公司')],
};

describe('首页', () => {
  it('sends a person without a session to login and asks the server nothing', () => {
    render(<HomePage />);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(request).not.toHaveBeenCalled();
  });

  it('greets the worker by name with enterprise and role, and shows the entries', async () => {
    signIn();
    const api = fakeApi({ 'GET /me': ok(WORKER) });
    render(<HomePage />);

    expect(await screen.findByText(/李建国/)).toBeTruthy();
    expect(screen.getByText('安康化工有限公司 · 职工')).toBeTruthy();
    expect(api.callsTo('GET', '/me')[0].header.Authorization).toBe('Bearer access-1');

    for (const entry of ['扫码进场', '随手拍', '今日培训', '安全通知']) {
      expect(screen.getByText(entry)).toBeTruthy();
    }
    expect(screen.getByText('今日班前')).toBeTruthy();
    for (const step of ['班前打卡', '健康申报', '三分钟培训', '准许上岗']) {
      expect(screen.getByText(step)).toBeTruthy();
    }
    expect(screen.queryByText('工作台')).toBeNull();
  });

  it('leads to today’s card without asking the server for it', async () => {
    signIn();
    const api = fakeApi({ 'GET /me': ok(WORKER) });
    render(<HomePage />);
    await screen.findByText(/李建国/);
    fireEvent.click(screen.getByText('已打卡？查看今日上岗凭证'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/check-in/index' });
    expect(api.callsTo('GET', '/check-ins/today')).toHaveLength(0);
  });

  it('offers the 工作台 to a safety officer', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(OFFICER) });
    render(<HomePage />);
    expect(await screen.findByText('工作台')).toBeTruthy();
    expect(screen.getByText('安康化工有限公司 · 职工、企业安全员')).toBeTruthy();
  });

  it('opens 随手拍 and 今日培训 as tabs', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(WORKER) });
    render(<HomePage />);
    await screen.findByText(/李建国/);

    fireEvent.click(screen.getByText('随手拍'));
    fireEvent.click(screen.getByText('今日培训'));

    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' });
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/training/index' });
  });

  it('shows the unread notices on the 安全通知 entry, hidden at 0, refreshed when 首页 shows again', async () => {
    signIn();
    let counts = { unread: 3, unacknowledged: 2 };
    const api = fakeApi({ 'GET /me': ok(WORKER), 'GET /me/notices/counts': () => ok(counts) });
    render(<HomePage />);

    await waitFor(() => expect(document.getElementById('entry-notice-badge')?.textContent).toBe('3'));
    expect(screen.getByText('2 条待确认')).toBeTruthy();

    counts = { unread: 0, unacknowledged: 0 };
    showPageAgain();
    await waitFor(() => expect(document.getElementById('entry-notice-badge')).toBeNull());
    expect(screen.getByText('工会与企业通知')).toBeTruthy();
    expect(api.callsTo('GET', '/me/notices/counts')).toHaveLength(2);

    fireEvent.click(screen.getByText('安全通知'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/notice/index' });
  });

  it('keeps the 安全通知 entry without a badge when the counts cannot be read', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(WORKER) });
    render(<HomePage />);
    await screen.findByText(/李建国/);
    expect(document.getElementById('entry-notice')).not.toBeNull();
    expect(document.getElementById('entry-notice-badge')).toBeNull();
  });

  it('on H5 explains that scanning happens in WeChat', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(WORKER) });
    render(<HomePage />);
    await screen.findByText(/李建国/);

    fireEvent.click(screen.getByText('扫码进场'));

    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '请在微信中扫码' })));
    expect(scanCode).not.toHaveBeenCalled();
  });

  it('in WeChat opens the camera and goes to the scanned workplace (小程序码 path)', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    fakeApi({ 'GET /me': ok(WORKER) });
    scanCode.mockResolvedValue({ path: 'pages/scan/index?scene=w%3DHK-COAL-01', result: '', errMsg: 'scanCode:ok' });
    render(<HomePage />);
    await screen.findByText(/李建国/);

    fireEvent.click(screen.getByText('扫码进场'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index?scene=w%3DHK-COAL-01' }));
    expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true });
    expect(showModal).not.toHaveBeenCalled();
  });

  it('in WeChat also reads a poster’s QR code (the H5 landing URL)', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    fakeApi({ 'GET /me': ok(WORKER) });
    scanCode.mockResolvedValue({
      result: 'https://ankang.example.org/#/pages/scan/index?scene=w%3DHK-COAL-01',
      errMsg: 'scanCode:ok',
    });
    render(<HomePage />);
    await screen.findByText(/李建国/);

    fireEvent.click(screen.getByText('扫码进场'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index?scene=w%3DHK-COAL-01' }));
  });

  it('in WeChat says clearly when the code scanned is not a workplace’s', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    fakeApi({ 'GET /me': ok(WORKER) });
    scanCode.mockResolvedValue({ result: 'https://example.com/', errMsg: 'scanCode:ok' });
    render(<HomePage />);
    await screen.findByText(/李建国/);

    fireEvent.click(screen.getByText('扫码进场'));

    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '不是作业场所二维码',
          content: expect.stringContaining('请扫描作业场所入口处'),
        }),
      ),
    );
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('in WeChat does nothing when the person closes the camera', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    fakeApi({ 'GET /me': ok(WORKER) });
    scanCode.mockRejectedValue({ errMsg: 'scanCode:fail cancel' });
    render(<HomePage />);
    await screen.findByText(/李建国/);

    fireEvent.click(screen.getByText('扫码进场'));

    await waitFor(() => expect(scanCode).toHaveBeenCalled());
    expect(showModal).not.toHaveBeenCalled();
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('shows the Chinese error and retries', async () => {
    signIn();
    let fail = true;
    fakeApi({ 'GET /me': () => (fail ? apiError(503, CommonErrorCode.DatabaseUnavailable) : ok(WORKER)) });
    render(<HomePage />);

    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));

    expect(await screen.findByText(/李建国/)).toBeTruthy();
  });

  it('goes to login when the session cannot be refreshed', async () => {
    signIn();
    fakeApi({
      'GET /me': apiError(401, AuthErrorCode.AccessTokenExpired),
      'POST /auth/refresh': apiError(401, AuthErrorCode.RefreshTokenInvalid),
    });
    render(<HomePage />);

    expect(await screen.findByText('登录状态已失效，请重新登录')).toBeTruthy();
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
