import { type InboxMessage, InboxMessageKind } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { fakeApi, ok, signIn } from '../../../test/fake-api';
import { meFixture } from '../../../test/fixtures';
import { navigateTo, removeTabBarBadge, setTabBarBadge, showPageAgain, switchTab } from '../../../test/mocks/taro';
import MinePage from '../mine/index';
import InboxPage from './index';

function message(overrides: Partial<InboxMessage> = {}): InboxMessage {
  return {
    id: 'm-1',
    kind: InboxMessageKind.HazardAssigned,
    title: '您有一条隐患待整改',
    body: 'HZ-20261129-0001 主井口：3 号皮带机护罩缺失，期限 2026-12-05',
    link: '/pages/hazard/detail?id=501',
    readAt: null,
    createdAt: '2026-11-29T02:00:00.000Z',
    ...overrides,
  };
}

describe('消息 (inbox)', () => {
  it('lists the messages, opens one’s page and marks it read', async () => {
    signIn();
    const api = fakeApi({
      'GET /inbox': ok({
        items: [message(), message({ id: 'm-2', title: '隐患已销号', readAt: '2026-11-29T03:00:00.000Z', link: null })],
        nextCursor: null,
      }),
      'POST /inbox/m-1/read': { statusCode: 204 },
    });
    render(<InboxPage />);

    await waitFor(() => byId('inbox-message-m-1'));
    expect(byId('inbox-message-m-1').className).toContain('inbox-message--unread');
    expect(byId('inbox-message-m-2').className).not.toContain('inbox-message--unread');
    expect(byId('inbox-message-m-1').textContent).toContain('2026-11-29 10:00');

    fireEvent.click(byId('inbox-message-m-1'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/detail?id=501' });
    await waitFor(() => expect(api.callsTo('POST', '/inbox/m-1/read')).toHaveLength(1));
    expect(byId('inbox-message-m-1').className).not.toContain('inbox-message--unread');

    // A read message opens without marking it again.
    fireEvent.click(byId('inbox-message-m-1'));
    expect(api.callsTo('POST', '/inbox/m-1/read')).toHaveLength(1);
  });

  it('opens tab pages with switchTab and ignores links that are not pages of the app', async () => {
    signIn();
    fakeApi({
      'GET /inbox': ok({
        items: [
          message({ id: 'm-3', link: '/pages/report/index' }),
          message({ id: 'm-4', link: 'https://evil.example.com/' }),
        ],
        nextCursor: null,
      }),
      'POST /inbox/m-3/read': { statusCode: 204 },
      'POST /inbox/m-4/read': { statusCode: 204 },
    });
    render(<InboxPage />);
    await waitFor(() => byId('inbox-message-m-3'));
    fireEvent.click(byId('inbox-message-m-3'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' });
    fireEvent.click(byId('inbox-message-m-4'));
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('opens a notice and its reminder at the notice, marked as 安全通知', async () => {
    signIn();
    const api = fakeApi({
      'GET /inbox': ok({
        items: [
          message({
            id: 'm-5',
            kind: InboxMessageKind.NoticePublished,
            title: '安全通知：关于做好冬季安全生产工作的通知',
            body: '海东市总工会 · 请及时查看并确认阅知',
            link: '/pages/notice/detail?id=n-1',
          }),
          message({
            id: 'm-6',
            kind: InboxMessageKind.NoticeReminder,
            title: '请确认阅知：关于做好冬季安全生产工作的通知',
            body: '您还未确认阅知，请尽快查看',
            link: '/pages/notice/detail?id=n-1',
          }),
          message(),
        ],
        nextCursor: null,
      }),
      'POST /inbox/m-5/read': { statusCode: 204 },
    });
    render(<InboxPage />);
    await waitFor(() => byId('inbox-message-m-5'));
    expect(byId('inbox-message-m-5').textContent).toContain('安全通知');
    expect(byId('inbox-message-m-6').textContent).toContain('安全通知');
    expect(byId('inbox-message-m-1').querySelector('.inbox-message__kind')).toBeNull();

    fireEvent.click(byId('inbox-message-m-5'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/notice/detail?id=n-1' });
    await waitFor(() => expect(api.callsTo('POST', '/inbox/m-5/read')).toHaveLength(1));

    // Hazard messages keep opening their ticket.
    fireEvent.click(byId('inbox-message-m-1'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/hazard/detail?id=501' });
  });

  it('marks everything read at once', async () => {
    signIn();
    const api = fakeApi({
      'GET /inbox': ok({ items: [message(), message({ id: 'm-2' })], nextCursor: null }),
      'POST /inbox/read-all': { statusCode: 204 },
    });
    render(<InboxPage />);
    await waitFor(() => byId('inbox-read-all'));
    fireEvent.click(byId('inbox-read-all'));
    await waitFor(() => expect(document.querySelectorAll('.inbox-message--unread')).toHaveLength(0));
    expect(api.callsTo('POST', '/inbox/read-all')).toHaveLength(1);
    expect(document.getElementById('inbox-read-all')).toBeNull();
  });

  it('says when there is nothing', async () => {
    signIn();
    fakeApi({ 'GET /inbox': ok({ items: [], nextCursor: null }) });
    render(<InboxPage />);
    expect(await screen.findByText('暂无消息。')).toBeTruthy();
  });
});

describe('我的: messages and reports', () => {
  it('shows the unread count on the 消息 entry and the 我的 tab, and opens 消息 and 我的上报', async () => {
    signIn();
    let unread = 3;
    fakeApi({ 'GET /me': ok(meFixture()), 'GET /inbox/unread-count': () => ok({ count: unread }) });
    render(<MinePage />);

    await waitFor(() => expect(byId('mine-unread').textContent).toBe('3'));
    expect(setTabBarBadge).toHaveBeenCalledWith({ index: 3, text: '3' });

    fireEvent.click(screen.getByText('消息'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/inbox/index' });
    fireEvent.click(screen.getByText('我的上报'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/mine' });

    unread = 0;
    showPageAgain();
    await waitFor(() => expect(document.getElementById('mine-unread')).toBeNull());
    expect(removeTabBarBadge).toHaveBeenCalledWith({ index: 3 });
  });
});
