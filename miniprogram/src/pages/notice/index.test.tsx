import { NoticeKind } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { fakeApi, ok, signIn } from '../../../test/fake-api';
import { myNoticeFixture } from '../../../test/fixtures';
import { navigateTo, reachBottom, reLaunch, request, showPageAgain } from '../../../test/mocks/taro';
import MyNoticesPage from './index';

const notice = myNoticeFixture;

const READ_AND_ACKNOWLEDGED = notice({
  id: 'n-2',
  title: '《安全生产法》修订要点',
  kind: NoticeKind.Policy,
  from: '河口煤业有限公司',
  readAt: '2026-11-28T02:00:00.000Z',
  acknowledgedAt: '2026-11-28T02:01:00.000Z',
});

describe('我的通知 (pages/notice)', () => {
  it('sends a person without a session to login, to come back here', () => {
    render(<MyNoticesPage />);
    expect(reLaunch).toHaveBeenCalledWith({
      url: `/pages/login/index?redirect=${encodeURIComponent('/pages/notice/index')}`,
    });
    expect(request).not.toHaveBeenCalled();
  });

  it('lists the notices with kind, sender, date, the unread dot and 待确认, and opens one', async () => {
    signIn();
    fakeApi({ 'GET /me/notices': ok({ items: [notice(), READ_AND_ACKNOWLEDGED], nextCursor: null }) });
    render(<MyNoticesPage />);

    await waitFor(() => byId('notice-n-1'));
    const first = byId('notice-n-1');
    expect(first.textContent).toContain('关于做好冬季安全生产工作的通知');
    expect(first.textContent).toContain('安全警示');
    expect(first.textContent).toContain('海东市总工会 · 2026-11-29 09:30');
    expect(document.getElementById('notice-n-1-unread')).not.toBeNull();
    expect(byId('notice-n-1-pending').textContent).toBe('待确认');

    const second = byId('notice-n-2');
    expect(second.textContent).toContain('政策法规');
    expect(second.textContent).toContain('已阅知');
    expect(document.getElementById('notice-n-2-unread')).toBeNull();
    expect(document.getElementById('notice-n-2-pending')).toBeNull();
    expect(screen.getByText('没有更多了')).toBeTruthy();

    fireEvent.click(first);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/notice/detail?id=n-1' });
  });

  it('filters to those still to acknowledge (待确认)', async () => {
    signIn();
    const api = fakeApi({
      'GET /me/notices': (call) =>
        ok({
          items: call.url.includes('unacknowledgedOnly=true') ? [notice()] : [notice(), READ_AND_ACKNOWLEDGED],
          nextCursor: null,
        }),
    });
    render(<MyNoticesPage />);
    await waitFor(() => byId('notice-n-2'));

    fireEvent.click(byId('notice-filter-unacknowledged'));

    await waitFor(() => expect(api.callsTo('GET', '/me/notices')).toHaveLength(2));
    await waitFor(() => byId('notice-n-1'));
    expect(document.getElementById('notice-n-2')).toBeNull();
    expect(byId('notice-filter-unacknowledged').getAttribute('aria-selected')).toBe('true');
    const urls = api.callsTo('GET', '/me/notices').map((call) => call.url);
    expect(urls[0]).not.toContain('unacknowledgedOnly');
    expect(urls[1]).toContain('unacknowledgedOnly=true');
  });

  it('loads the next page at the bottom, and says when there is nothing to confirm', async () => {
    signIn();
    const api = fakeApi({
      'GET /me/notices': (call) =>
        call.url.includes('unacknowledgedOnly=true')
          ? ok({ items: [], nextCursor: null })
          : call.url.includes('cursor=c-2')
            ? ok({ items: [READ_AND_ACKNOWLEDGED], nextCursor: null })
            : ok({ items: [notice()], nextCursor: 'c-2' }),
    });
    render(<MyNoticesPage />);
    await waitFor(() => byId('notice-n-1'));
    expect(screen.getByText('加载更多')).toBeTruthy();

    reachBottom();

    await waitFor(() => byId('notice-n-2'));
    expect(api.callsTo('GET', '/me/notices')).toHaveLength(2);

    fireEvent.click(byId('notice-filter-unacknowledged'));
    expect(await screen.findByText('没有待确认的通知。')).toBeTruthy();
  });

  it('reloads when the person comes back from a notice', async () => {
    signIn();
    let read = false;
    fakeApi({
      'GET /me/notices': () =>
        ok({ items: [notice(read ? { readAt: '2026-11-29T02:00:00.000Z' } : {})], nextCursor: null }),
    });
    render(<MyNoticesPage />);
    await waitFor(() => byId('notice-n-1-unread'));
    read = true;
    showPageAgain();
    await waitFor(() => expect(document.getElementById('notice-n-1-unread')).toBeNull());
  });
});
