import { AuthErrorCode, type DemoUserSummary } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, grant, OrgKind, ok, Role, signIn, tokenPair } from '../../../test/fake-api';
import { currentRouter, login, navigateTo, reLaunch, showToast, taroStorage } from '../../../test/mocks/taro';
import { readTokens } from '../../api';
import { PRIVACY_CONSENT_STORAGE_KEY, recordPrivacyConsent } from '../../features/privacy';
import LoginPage from './index';

const DEMO_USERS: DemoUserSummary[] = [
  {
    username: 'demo-worker',
    displayName: '李建国',
    description: '一线职工，适合体验班前流程和随手拍',
    roles: [grant(Role.Worker, '安康化工有限公司')],
  },
  {
    username: 'demo-officer',
    displayName: '张安全',
    description: '企业安全员，研判和交办隐患',
    roles: [grant(Role.Officer, '安康化工有限公司')],
  },
  {
    username: 'demo-union',
    displayName: '赵主席',
    description: '市总工会干部，督办重大隐患',
    roles: [grant(Role.UnionStaff, '西宁市总工会', OrgKind.Union)],
  },
];

describe('login page', () => {
  describe('privacy consent', () => {
    it('asks for consent first and sends nothing before it is given', () => {
      const api = fakeApi({ 'GET /auth/dev-users': ok(DEMO_USERS) });
      render(<LoginPage />);

      expect(screen.getByText('安康隐私保护指引')).toBeTruthy();
      expect(screen.getByText('同意并继续')).toBeTruthy();
      fireEvent.click(screen.getByText('不同意'));

      expect(screen.getByText(/不同意隐私保护指引将无法登录使用安康/)).toBeTruthy();
      expect(screen.queryByText('李建国')).toBeNull();
      expect(api.calls).toHaveLength(0);
      expect(taroStorage.has(PRIVACY_CONSENT_STORAGE_KEY)).toBe(false);
    });

    it('stores the consent and then offers the login', async () => {
      const api = fakeApi({ 'GET /auth/dev-users': ok(DEMO_USERS) });
      render(<LoginPage />);

      fireEvent.click(screen.getByText('同意并继续'));

      expect(await screen.findByText('李建国')).toBeTruthy();
      expect(taroStorage.get(PRIVACY_CONSENT_STORAGE_KEY)).toMatchObject({ version: expect.any(String) });
      expect(api.callsTo('GET', '/auth/dev-users')).toHaveLength(1);
    });

    it('links to the full guide', () => {
      render(<LoginPage />);
      fireEvent.click(screen.getByText(/阅读完整/));
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
    });
  });

  describe('on H5 (demo users)', () => {
    beforeEach(() => {
      recordPrivacyConsent();
    });

    it('lists the demo users with their description and roles in Chinese', async () => {
      fakeApi({ 'GET /auth/dev-users': ok(DEMO_USERS) });
      render(<LoginPage />);

      expect(screen.getByText('正在加载演示账号…')).toBeTruthy();
      expect(await screen.findByText('李建国')).toBeTruthy();
      expect(screen.getByText('一线职工，适合体验班前流程和随手拍')).toBeTruthy();
      expect(screen.getByText('职工 · 安康化工有限公司')).toBeTruthy();
      expect(screen.getByText('企业安全员 · 安康化工有限公司')).toBeTruthy();
      expect(screen.getByText('工会干部 · 西宁市总工会')).toBeTruthy();
      expect(document.getElementById('demo-user-demo-officer')).not.toBeNull();
    });

    it('signs in as the chosen user, stores the tokens and goes to 首页', async () => {
      const api = fakeApi({
        'GET /auth/dev-users': ok(DEMO_USERS),
        'POST /auth/dev-login': ok(tokenPair('officer')),
      });
      render(<LoginPage />);

      fireEvent.click(await screen.findByText('张安全'));

      await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
      expect(api.callsTo('POST', '/auth/dev-login')[0].data).toEqual({ username: 'demo-officer' });
      expect(readTokens()).toMatchObject({ accessToken: 'access-officer', refreshToken: 'refresh-officer' });
    });

    it('explains in Chinese when demo login is switched off', async () => {
      fakeApi({ 'GET /auth/dev-users': apiError(403, AuthErrorCode.DevLoginDisabled) });
      render(<LoginPage />);

      expect(await screen.findByText(/演示登录未开启/)).toBeTruthy();
      expect(screen.getByText(/请在微信中打开“安康”小程序登录/)).toBeTruthy();
      expect(screen.getByText('重试')).toBeTruthy();
    });

    it('shows the server’s message when the chosen user cannot sign in', async () => {
      fakeApi({
        'GET /auth/dev-users': ok(DEMO_USERS),
        'POST /auth/dev-login': apiError(401, AuthErrorCode.UserDisabled),
      });
      render(<LoginPage />);

      fireEvent.click(await screen.findByText('李建国'));

      await waitFor(() =>
        expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '账号已停用，请联系管理员' })),
      );
      expect(reLaunch).not.toHaveBeenCalled();
      expect(readTokens()).toBeNull();
    });

    it('comes back to the scanned workplace after login when sent here from it', async () => {
      const returnUrl = '/pages/scan/index?scene=w%3DHK-COAL-01';
      currentRouter.params = { redirect: encodeURIComponent(returnUrl) };
      fakeApi({ 'GET /auth/dev-users': ok(DEMO_USERS), 'POST /auth/dev-login': ok(tokenPair('worker')) });
      render(<LoginPage />);

      fireEvent.click(await screen.findByText('李建国'));

      await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: returnUrl }));
    });

    it('ignores a redirect that is not a page of this app', async () => {
      currentRouter.params = { redirect: encodeURIComponent('https://evil.example.com/') };
      fakeApi({ 'GET /auth/dev-users': ok(DEMO_USERS), 'POST /auth/dev-login': ok(tokenPair('worker')) });
      render(<LoginPage />);

      fireEvent.click(await screen.findByText('李建国'));

      await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    });

    it('goes straight to 首页 when a session is already held', () => {
      signIn();
      fakeApi({ 'GET /auth/dev-users': ok(DEMO_USERS) });
      render(<LoginPage />);
      expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
    });
  });

  describe('in WeChat', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
      recordPrivacyConsent();
    });

    it('goes back to the scanned workplace after WeChat sign-in', async () => {
      currentRouter.params = { redirect: encodeURIComponent('/pages/scan/index?scene=w%3DHK-COAL-01') };
      login.mockResolvedValue({ code: 'wx-code-123', errMsg: 'login:ok' });
      fakeApi({ 'POST /auth/wechat-login': ok(tokenPair('wx')) });
      render(<LoginPage />);

      fireEvent.click(screen.getByText('微信一键登录', { selector: 'button, button *' }));

      await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/scan/index?scene=w%3DHK-COAL-01' }));
    });

    it('exchanges the wx.login code for a token pair and goes to 首页', async () => {
      login.mockResolvedValue({ code: 'wx-code-123', errMsg: 'login:ok' });
      const api = fakeApi({ 'POST /auth/wechat-login': ok(tokenPair('wx')) });
      render(<LoginPage />);

      expect(screen.queryByText('选择演示账号登录')).toBeNull();
      fireEvent.click(screen.getByText('微信一键登录', { selector: 'button, button *' }));

      await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
      expect(api.callsTo('POST', '/auth/wechat-login')[0].data).toEqual({ code: 'wx-code-123' });
      expect(api.calls[0].url).toBe('http://127.0.0.1:3000/api/v1/auth/wechat-login');
      expect(readTokens()).toMatchObject({ accessToken: 'access-wx' });
    });

    it('does not call wx.login before consent', () => {
      taroStorage.delete(PRIVACY_CONSENT_STORAGE_KEY);
      render(<LoginPage />);
      expect(screen.queryByText('微信一键登录')).toBeNull();
      expect(login).not.toHaveBeenCalled();
    });

    it('shows why WeChat sign-in failed', async () => {
      login.mockResolvedValue({ code: 'used-code', errMsg: 'login:ok' });
      fakeApi({ 'POST /auth/wechat-login': apiError(400, AuthErrorCode.WechatCodeUsed) });
      render(<LoginPage />);

      fireEvent.click(screen.getByText('微信一键登录', { selector: 'button, button *' }));

      expect(await screen.findByText('微信登录凭证已使用，请重新登录')).toBeTruthy();
      expect(reLaunch).not.toHaveBeenCalled();
    });
  });
});
