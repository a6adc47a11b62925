import type { MeResponse } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, grant, OrgKind, ok, Role, signIn } from '../../../test/fake-api';
import { navigateTo, reLaunch } from '../../../test/mocks/taro';
import { readTokens } from '../../api';
import MinePage from './index';

const UNION_STAFF: MeResponse = {
  id: 'u-3',
  displayName: '赵主席',
  phone: '13912345678',
  roles: [grant(Role.UnionStaff, '西宁市总工会', OrgKind.Union), grant(Role.Worker, '安康化工有限公司')],
  enterprise: null,
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
    expect(screen.getByText('尚未绑定企业')).toBeTruthy();
    expect(screen.getByText('手机 13912345678')).toBeTruthy();

    fireEvent.click(screen.getByText('隐私保护指引'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
    fireEvent.click(screen.getByText('工作台'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/workbench/index' });
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
});
