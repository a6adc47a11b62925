import { NoticeFanOutState, NoticeState, type NoticeSummary, OrgKind, Role } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { fakeApi, ok, signIn } from '../../../../test/fake-api';
import { meFixture, noticeSummaryFixture, roleAt } from '../../../../test/fixtures';
import { navigateTo, showPageAgain } from '../../../../test/mocks/taro';
import StaffNoticesPage from './index';

const UNION = meFixture({ roles: [roleAt(Role.UnionStaff, '5', '海东市总工会', OrgKind.Union)] });

/** Published, still being sent. */
function summary(overrides: Partial<NoticeSummary> = {}): NoticeSummary {
  return noticeSummaryFixture({ fanOut: { state: NoticeFanOutState.Running, recipients: 120 }, ...overrides });
}

const DRAFT = summary({
  id: 'n-2',
  title: '元旦节前安全检查',
  state: NoticeState.Draft,
  publishedAt: null,
  fanOut: { state: NoticeFanOutState.Pending, recipients: 0 },
});

describe('staff notices (packages/staff/notices)', () => {
  it('lists the notices with state tags, opens a draft in the composer and a sent one on its receipts', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(UNION), 'GET /notices': ok({ items: [summary(), DRAFT], nextCursor: null }) });
    render(<StaffNoticesPage />);

    await waitFor(() => byId('notice-n-1'));
    expect(byId('notice-n-1-state').textContent).toBe('已发布');
    expect(byId('notice-n-1').textContent).toContain('发送中');
    expect(byId('notice-n-1').textContent).toContain('120 人');
    expect(byId('notice-n-1').textContent).toContain('海东市总工会 · 马干事 · 发布于 2026-11-30 10:00');
    expect(byId('notice-n-2-state').textContent).toBe('草稿');

    fireEvent.click(byId('notice-n-1'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/notice-receipts/index?id=n-1' });
    fireEvent.click(byId('notice-n-2'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/notice-edit/index?id=n-2' });
    fireEvent.click(byId('notice-new'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/notice-edit/index' });
  });

  it('filters by state and reloads when the author comes back', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(UNION),
      'GET /notices': (call) =>
        ok({ items: call.url.includes('state=draft') ? [DRAFT] : [summary(), DRAFT], nextCursor: null }),
    });
    render(<StaffNoticesPage />);
    await waitFor(() => byId('notice-n-1'));

    fireEvent.click(byId(`notices-tab-${NoticeState.Draft}`));
    await waitFor(() => expect(api.callsTo('GET', '/notices')).toHaveLength(2));
    await waitFor(() => byId('notice-n-2'));
    expect(document.getElementById('notice-n-1')).toBeNull();
    expect(api.callsTo('GET', '/notices')[1].url).toContain('state=draft');

    showPageAgain();
    await waitFor(() => expect(api.callsTo('GET', '/notices')).toHaveLength(3));
  });

  it('tells a worker the page is for staff', async () => {
    signIn();
    fakeApi({
      'GET /me': ok(meFixture({ roles: [roleAt(Role.Worker, '7', '河口煤业有限公司', OrgKind.Enterprise)] })),
    });
    render(<StaffNoticesPage />);
    expect(await screen.findByText('安全通知由企业安全员和工会干部发布。')).toBeTruthy();
  });
});
