import { BindingStatus, type MeResponse, ProfileErrorCode, WechatSubscribePurpose, WorkerGroup } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, grant, OrgKind, ok, Role, signIn } from '../../../test/fake-api';
import { bindingFixture, meFixture } from '../../../test/fixtures';
import { openTypeDetails } from '../../../test/mocks/components';
import {
  navigateTo,
  reLaunch,
  requestSubscribeMessage,
  showModal,
  showPageAgain,
  showToast,
} from '../../../test/mocks/taro';
import { readTokens } from '../../api';
import MinePage from './index';

const UNION_STAFF: MeResponse = {
  id: 'u-3',
  displayName: '赵主席',
  phone: '13912345678',
  roles: [grant(Role.UnionStaff, '西宁市总工会', OrgKind.Union), grant(Role.Worker, '安康化工有限公司')],
  enterprise: null,
  employeeNumber: null,
  workerGroups: [],
  pendingBinding: null,
  createdAt: '2024-11-01T00:00:00.000Z',
};

describe('我的', () => {
  it('shows the person with every role and the org it is held at', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(UNION_STAFF) });
    render(<MinePage />);

    expect(await screen.findByText('赵主席')).toBeTruthy();
    expect(screen.getByText('工会干部 · 西宁市总工会')).toBeTruthy();
    expect(screen.getByText('职工 · 安康化工有限公司')).toBeTruthy();
    expect(screen.getAllByText('尚未绑定企业')).toHaveLength(1);
    expect(document.getElementById('mine-phone-number')?.textContent).toBe('13912345678');

    fireEvent.click(screen.getByText('隐私保护指引'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
    fireEvent.click(screen.getByText('工作台'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/workbench/index' });
  });

  it('in WeChat offers 消息订阅: grants left per template, asks for every template in the tap, reads them again', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    let remaining = 0;
    requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-notice': 'accept',
      'tmpl-alert': 'accept',
      'tmpl-reminder': 'reject',
    });
    const api = fakeApi({
      'GET /me': ok(UNION_STAFF),
      'GET /me/wechat-subscriptions': () =>
        ok({
          templates: [
            { purpose: WechatSubscribePurpose.HazardReminder, templateId: 'tmpl-reminder', remaining: 0 },
            { purpose: WechatSubscribePurpose.HazardAlert, templateId: 'tmpl-alert', remaining },
            { purpose: WechatSubscribePurpose.Notice, templateId: 'tmpl-notice', remaining },
          ],
        }),
      'POST /me/wechat-subscriptions': () => {
        remaining = 1;
        return ok({ templates: [] });
      },
    });
    render(<MinePage />);

    await waitFor(() => expect(document.getElementById('mine-subscriptions')).not.toBeNull());
    expect(document.getElementById('mine-subscription-notice')?.textContent).toBe('安全通知：可接收 0 次');
    expect(document.getElementById('mine-subscription-hazard_reminder')?.textContent).toBe(
      '隐患整改期限提醒：可接收 0 次',
    );

    fireEvent.click(document.getElementById('mine-subscriptions') as HTMLElement);

    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-notice', 'tmpl-reminder', 'tmpl-alert'] });
    await waitFor(() =>
      expect(document.getElementById('mine-subscription-notice')?.textContent).toBe('安全通知：可接收 1 次'),
    );
    expect(api.callsTo('POST', '/me/wechat-subscriptions')[0].data).toEqual({
      results: { 'tmpl-notice': 'accept', 'tmpl-alert': 'accept', 'tmpl-reminder': 'reject' },
    });
  });

  it('on H5 shows no 消息订阅 and asks nothing about it', async () => {
    signIn();
    const api = fakeApi({ 'GET /me': ok(UNION_STAFF) });
    render(<MinePage />);
    await screen.findByText('赵主席');
    expect(document.getElementById('mine-subscriptions')).toBeNull();
    expect(api.callsTo('GET', '/me/wechat-subscriptions')).toHaveLength(0);
  });

  it('logs out after confirmation: revokes the refresh token, clears the session, goes to login', async () => {
    signIn('me');
    const api = fakeApi({ 'GET /me': ok(UNION_STAFF), 'POST /auth/logout': { statusCode: 204 } });
    render(<MinePage />);
    await screen.findByText('赵主席');

    fireEvent.click(screen.getByText('退出登录', { selector: 'button, button *' }));
    fireEvent.click(await screen.findByText('退出'));

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(api.callsTo('POST', '/auth/logout')[0].data).toEqual({ refreshToken: 'refresh-me' });
    expect(readTokens()).toBeNull();
  });

  it('still logs out locally when the server cannot be reached', async () => {
    signIn('me');
    fakeApi({ 'GET /me': ok(UNION_STAFF), 'POST /auth/logout': { statusCode: 502, data: 'Bad Gateway' } });
    render(<MinePage />);
    await screen.findByText('赵主席');

    fireEvent.click(screen.getByText('退出登录', { selector: 'button, button *' }));
    fireEvent.click(await screen.findByText('退出'));

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(readTokens()).toBeNull();
  });

  describe('profile', () => {
    const WORKER = meFixture({
      displayName: '王小明',
      phone: null,
      employeeNumber: 'HK-0815',
      workerGroups: [WorkerGroup.NewHire, WorkerGroup.SpecialOperations],
      enterprise: { id: '7', name: '河口煤业有限公司' },
      roles: [grant(Role.Worker, '河口煤业有限公司')],
    });

    it('shows the employee number, the worker groups in Chinese and opens 编辑资料', async () => {
      signIn();
      fakeApi({ 'GET /me': ok(WORKER) });
      render(<MinePage />);

      expect(await screen.findByText('王小明')).toBeTruthy();
      expect(document.getElementById('mine-employee-number')?.textContent).toBe('HK-0815');
      expect(screen.getByText('新入职')).toBeTruthy();
      expect(screen.getByText('特种作业')).toBeTruthy();
      expect(document.getElementById('mine-phone-number')?.textContent).toBe('未绑定');

      fireEvent.click(screen.getByText('编辑'));
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/profile-edit/index' });
    });

    it('loads the profile again when the person comes back to the page', async () => {
      signIn();
      let name = '王小明';
      const api = fakeApi({ 'GET /me': () => ok({ ...WORKER, displayName: name }) });
      render(<MinePage />);
      await screen.findByText('王小明');
      expect(api.callsTo('GET', '/me')).toHaveLength(1);

      name = '王晓明';
      showPageAgain();

      expect(await screen.findByText('王晓明')).toBeTruthy();
      expect(api.callsTo('GET', '/me')).toHaveLength(2);
    });

    it('on H5 says the phone is bound in the WeChat mini program', async () => {
      signIn();
      fakeApi({ 'GET /me': ok(WORKER) });
      render(<MinePage />);
      expect(await screen.findByText('手机号请在微信小程序“安康”中一键绑定')).toBeTruthy();
      expect(document.getElementById('mine-phone-bind')).toBeNull();
    });

    it('in WeChat binds the phone through the getPhoneNumber button’s code', async () => {
      process.env.TARO_ENV = 'weapp';
      signIn();
      const api = fakeApi({
        'GET /me': ok(WORKER),
        'POST /me/phone': ok({ ...WORKER, phone: '13912345678' }),
      });
      render(<MinePage />);
      await screen.findByText('王小明');
      const button = document.getElementById('mine-phone-bind');
      expect(button?.getAttribute('data-open-type')).toBe('getPhoneNumber');

      openTypeDetails.getPhoneNumber = { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-7' };
      fireEvent.click(button as HTMLElement);

      await waitFor(() => expect(document.getElementById('mine-phone-number')?.textContent).toBe('13912345678'));
      expect(api.callsTo('POST', '/me/phone')[0].data).toEqual({ code: 'wx-phone-code-7' });
    });

    it('in WeChat sends nothing when the person refuses to share the phone', async () => {
      process.env.TARO_ENV = 'weapp';
      signIn();
      const api = fakeApi({ 'GET /me': ok(WORKER) });
      render(<MinePage />);
      await screen.findByText('王小明');

      openTypeDetails.getPhoneNumber = { errMsg: 'getPhoneNumber:fail user deny' };
      fireEvent.click(document.getElementById('mine-phone-bind') as HTMLElement);

      await waitFor(() =>
        expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未获得手机号授权' })),
      );
      expect(api.callsTo('POST', '/me/phone')).toHaveLength(0);
    });

    it('in WeChat shows why WeChat would not give the number', async () => {
      process.env.TARO_ENV = 'weapp';
      signIn();
      fakeApi({ 'GET /me': ok(WORKER), 'POST /me/phone': apiError(400, ProfileErrorCode.PhoneCodeInvalid) });
      render(<MinePage />);
      await screen.findByText('王小明');

      fireEvent.click(document.getElementById('mine-phone-bind') as HTMLElement);

      await waitFor(() =>
        expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '获取手机号失败，请重新点击授权' })),
      );
      expect(document.getElementById('mine-phone-number')?.textContent).toBe('未绑定');
    });
  });

  describe('enterprise binding', () => {
    it('shows the bound enterprise', async () => {
      signIn();
      fakeApi({ 'GET /me': ok(meFixture({ enterprise: { id: '7', name: '河口煤业有限公司' } })) });
      render(<MinePage />);
      await waitFor(() => expect(document.getElementById('binding-bound')?.textContent).toContain('河口煤业有限公司'));
    });

    it('shows a pending request and withdraws it after confirmation', async () => {
      signIn();
      let pending = true;
      const api = fakeApi({
        'GET /me': () => ok(meFixture({ pendingBinding: pending ? bindingFixture() : null })),
        'DELETE /me/enterprise-binding/pending': () => {
          pending = false;
          return { statusCode: 204 };
        },
      });
      render(<MinePage />);

      expect(await screen.findByText('申请加入「河口煤业有限公司」')).toBeTruthy();
      expect(screen.getByText('待审核')).toBeTruthy();
      expect(screen.getByText(/在「主井口」扫码提交，等待企业安全员审核/)).toBeTruthy();

      fireEvent.click(screen.getByText('撤回申请', { selector: 'button *' }));

      await waitFor(() => expect(document.getElementById('binding-none')).not.toBeNull());
      expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回申请' }));
      expect(api.callsTo('DELETE', '/me/enterprise-binding/pending')).toHaveLength(1);
    });

    it('keeps the request when the person does not confirm the withdrawal', async () => {
      signIn();
      const api = fakeApi({ 'GET /me': ok(meFixture({ pendingBinding: bindingFixture() })) });
      render(<MinePage />);
      await screen.findByText('申请加入「河口煤业有限公司」');

      showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
      fireEvent.click(screen.getByText('撤回申请', { selector: 'button *' }));

      await waitFor(() => expect(showModal).toHaveBeenCalled());
      expect(api.callsTo('DELETE', '/me/enterprise-binding/pending')).toHaveLength(0);
    });

    it('shows a refused request with the officer’s reason', async () => {
      signIn();
      fakeApi({
        'GET /me': ok(
          meFixture({
            pendingBinding: bindingFixture({ status: BindingStatus.Rejected, reason: '经核实不是本企业职工' }),
          }),
        ),
      });
      render(<MinePage />);
      expect(await screen.findByText('原因：经核实不是本企业职工')).toBeTruthy();
      expect(screen.getByText('未通过')).toBeTruthy();
      expect(screen.queryByText('撤回申请')).toBeNull();
    });
  });
});
