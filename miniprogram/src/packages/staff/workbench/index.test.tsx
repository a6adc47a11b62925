import type { MeResponse } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, grant, OrgKind, ok, Role, signIn } from '../../../../test/fake-api';
import { navigateTo, requestSubscribeMessage } from '../../../../test/mocks/taro';
import WorkbenchPage from './index';

const me = (roles: MeResponse['roles']): MeResponse => ({
  id: 'u-9',
  displayName: '张安全',
  phone: null,
  roles,
  employeeNumber: null,
  workerGroups: [],
  enterprise: { id: 'e-1', name: '安康化工有限公司' },
  pendingBinding: null,
  createdAt: '2024-11-01T00:00:00.000Z',
});

describe('工作台 (staff subpackage)', () => {
  it('shows an officer what is coming, with the ticket states from @ankang/shared', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.Officer, '安康化工有限公司')])) });
    render(<WorkbenchPage />);

    expect(await screen.findByText('企业安全员 · 安康化工有限公司')).toBeTruthy();
    for (const state of ['待研判', '已交办', '整改中', '待验收', '已销号']) {
      expect(screen.getByText(state)).toBeTruthy();
    }
    expect(screen.getByText('隐患工单闭环')).toBeTruthy();
  });

  it('tells a worker the page is for staff', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.Worker, '安康化工有限公司')])) });
    render(<WorkbenchPage />);
    expect(await screen.findByText(/工作台仅供企业安全员、工会干部和系统管理员使用/)).toBeTruthy();
  });

  it('links an officer to the org tree, people and roles, and binding review', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.Officer, '安康化工有限公司')])) });
    render(<WorkbenchPage />);

    fireEvent.click(await screen.findByText('组织架构'));
    fireEvent.click(screen.getByText('人员与角色'));
    fireEvent.click(screen.getByText('绑定审核'));

    expect(navigateTo).toHaveBeenNthCalledWith(1, { url: '/packages/staff/org/index' });
    expect(navigateTo).toHaveBeenNthCalledWith(2, { url: '/packages/staff/people/index' });
    expect(navigateTo).toHaveBeenNthCalledWith(3, { url: '/packages/staff/bindings/index' });
  });

  it('leaves binding review out for union staff, who do not decide bindings', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.UnionStaff, '西宁市总工会', OrgKind.Union)])) });
    render(<WorkbenchPage />);

    expect(await screen.findByText('组织架构')).toBeTruthy();
    expect(screen.getByText('人员与角色')).toBeTruthy();
    expect(screen.queryByText('绑定审核')).toBeNull();
  });

  it('links officers to 隐患工单 and union staff also to 隐患督办, by permission', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.Officer, '安康化工有限公司')])) });
    const { unmount } = render(<WorkbenchPage />);
    fireEvent.click(await screen.findByText('隐患工单'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/hazards/index' });
    expect(screen.queryByText('隐患督办')).toBeNull();
    unmount();

    fakeApi({ 'GET /me': ok(me([grant(Role.UnionStaff, '西宁市总工会', OrgKind.Union)])) });
    render(<WorkbenchPage />);
    fireEvent.click(await screen.findByText('隐患督办'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/hazards/index?view=supervision' });
    expect(screen.getByText('隐患工单')).toBeTruthy();
  });

  it('links officers and union staff to 培训课程 and 班组点名; admins do not get them', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.Officer, '安康化工有限公司')])) });
    const { unmount } = render(<WorkbenchPage />);
    fireEvent.click(await screen.findByText('培训课程'));
    fireEvent.click(screen.getByText('班组点名'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/lessons/index' });
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/roll-call/index' });
    unmount();

    fakeApi({ 'GET /me': ok(me([grant(Role.UnionStaff, '西宁市总工会', OrgKind.Union)])) });
    const union = render(<WorkbenchPage />);
    expect(await screen.findByText('培训课程')).toBeTruthy();
    expect(screen.getByText('班组点名')).toBeTruthy();
    union.unmount();

    fakeApi({ 'GET /me': ok(me([grant(Role.Admin, '青海省总工会', OrgKind.Union)])) });
    render(<WorkbenchPage />);
    expect(await screen.findByText('组织架构')).toBeTruthy();
    expect(screen.queryByText('培训课程')).toBeNull();
    expect(screen.queryByText('班组点名')).toBeNull();
  });

  it('links officers and union staff to 安全通知; admins do not publish notices', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.Officer, '安康化工有限公司')])) });
    const officer = render(<WorkbenchPage />);
    await screen.findByText('安全通知');
    fireEvent.click(document.getElementById('tool-notices') as HTMLElement);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/notices/index' });
    officer.unmount();

    fakeApi({ 'GET /me': ok(me([grant(Role.UnionStaff, '西宁市总工会', OrgKind.Union)])) });
    const union = render(<WorkbenchPage />);
    expect(await screen.findByText('安全通知')).toBeTruthy();
    union.unmount();

    fakeApi({ 'GET /me': ok(me([grant(Role.Admin, '青海省总工会', OrgKind.Union)])) });
    render(<WorkbenchPage />);
    expect(await screen.findByText('组织架构')).toBeTruthy();
    expect(document.getElementById('tool-notices')).toBeNull();
  });

  it('keeps hazard work from admins, who run the tree, not the tickets', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(me([grant(Role.Admin, '青海省总工会', OrgKind.Union)])) });
    render(<WorkbenchPage />);
    expect(await screen.findByText('组织架构')).toBeTruthy();
    expect(screen.queryByText('隐患工单')).toBeNull();
    expect(screen.queryByText('隐患督办')).toBeNull();
  });

  it('in WeChat asks for the subscribe messages within the tap that opens the queue, and records the answer', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-alert': 'accept',
      'tmpl-reminder': 'reject',
    });
    const api = fakeApi({
      'GET /me': ok(me([grant(Role.Officer, '安康化工有限公司')])),
      'GET /me/wechat-subscriptions': ok({
        templates: [
          { purpose: 'hazard_alert', templateId: 'tmpl-alert', remaining: 0 },
          { purpose: 'hazard_reminder', templateId: 'tmpl-reminder', remaining: 2 },
        ],
      }),
      'POST /me/wechat-subscriptions': ok({}),
    });
    render(<WorkbenchPage />);
    await screen.findByText('隐患工单');
    await waitFor(() => expect(api.callsTo('GET', '/me/wechat-subscriptions')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));

    fireEvent.click(screen.getByText('隐患工单'));

    // Asked synchronously in the tap, before the navigation.
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-alert', 'tmpl-reminder'] });
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/hazards/index' });
    await waitFor(() => expect(api.callsTo('POST', '/me/wechat-subscriptions')).toHaveLength(1));
    expect(api.callsTo('POST', '/me/wechat-subscriptions')[0].data).toEqual({
      results: { 'tmpl-alert': 'accept', 'tmpl-reminder': 'reject' },
    });
  });

  it('on H5 asks WeChat for nothing', async () => {
    signIn();
    const api = fakeApi({ 'GET /me': ok(me([grant(Role.Officer, '安康化工有限公司')])) });
    render(<WorkbenchPage />);
    fireEvent.click(await screen.findByText('隐患工单'));
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    expect(api.callsTo('GET', '/me/wechat-subscriptions')).toHaveLength(0);
  });
});
