import { CommonErrorCode, ERROR_MESSAGES, type MyNotice, NoticeKind } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { apiError, fakeApi, NetworkDown, ok, signIn } from '../../../test/fake-api';
import { myNoticeFixture } from '../../../test/fixtures';
import { currentRouter, reLaunch, request } from '../../../test/mocks/taro';
import NoticeDetailPage from './detail';

/** An alert already opened once, its body with markup and a script to be dropped. */
function notice(overrides: Partial<MyNotice> = {}): MyNotice {
  return myNoticeFixture({
    kind: NoticeKind.Alert,
    bodyHtml: '<p>入冬以来气温骤降，<strong>严禁</strong>违章作业。</p><script>alert(1)</script>',
    readAt: '2026-11-29T02:00:00.000Z',
    ...overrides,
  });
}

function open(id = 'n-1'): void {
  currentRouter.path = '/pages/notice/detail';
  currentRouter.params = { id };
}

describe('安全通知 detail (pages/notice/detail)', () => {
  it('sends a person without a session to login, to come back to this notice', () => {
    open();
    render(<NoticeDetailPage />);
    const back = encodeURIComponent('/pages/notice/detail?id=n-1');
    expect(reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${back}` });
    expect(request).not.toHaveBeenCalled();
  });

  it('shows title, kind, sender, time and the body without anything but the allowed tags', async () => {
    signIn();
    open();
    fakeApi({ 'GET /me/notices/n-1': ok(notice()) });
    render(<NoticeDetailPage />);

    await waitFor(() => byId('notice-detail-title'));
    expect(byId('notice-detail-title').textContent).toBe('关于做好冬季安全生产工作的通知');
    expect(byId('notice-detail-kind').textContent).toBe('紧急通知');
    expect(byId('notice-detail-from').textContent).toBe('海东市总工会');
    expect(byId('notice-detail-time').textContent).toBe('2026-11-29 09:30');
    const body = byId('notice-detail-body');
    expect(body.querySelector('strong')?.textContent).toBe('严禁');
    expect(body.textContent).not.toContain('alert(1)');
    expect(body.querySelector('script')).toBeNull();
  });

  it('acknowledges once and then shows 已阅知 with the time', async () => {
    signIn();
    open();
    const api = fakeApi({
      'GET /me/notices/n-1': ok(notice()),
      'POST /me/notices/n-1/acknowledge': ok(notice({ acknowledgedAt: '2026-11-29T02:05:00.000Z' })),
    });
    render(<NoticeDetailPage />);
    await waitFor(() => byId('notice-acknowledge'));
    expect(document.getElementById('notice-acknowledged')).toBeNull();

    fireEvent.click(byId('notice-acknowledge'));
    fireEvent.click(byId('notice-acknowledge'));

    await waitFor(() => byId('notice-acknowledged'));
    expect(byId('notice-acknowledged').textContent).toContain('已阅知');
    expect(byId('notice-acknowledged-at').textContent).toBe('2026-11-29 10:05');
    expect(document.getElementById('notice-acknowledge')).toBeNull();
    expect(api.callsTo('POST', '/me/notices/n-1/acknowledge')).toHaveLength(1);
  });

  it('re-sends the acknowledgement after a dropped connection (the server keeps the first)', async () => {
    signIn();
    open();
    let attempts = 0;
    fakeApi({
      'GET /me/notices/n-1': ok(notice()),
      'POST /me/notices/n-1/acknowledge': () => {
        attempts += 1;
        if (attempts === 1) {
          throw new NetworkDown();
        }
        return ok(notice({ acknowledgedAt: '2026-11-29T02:05:00.000Z' }));
      },
    });
    render(<NoticeDetailPage />);
    await waitFor(() => byId('notice-acknowledge'));
    fireEvent.click(byId('notice-acknowledge'));
    await waitFor(() => byId('notice-acknowledged'));
    expect(attempts).toBe(2);
  });

  it('shows 已阅知 at once for a notice acknowledged before, and no button when none is asked', async () => {
    signIn();
    open();
    fakeApi({ 'GET /me/notices/n-1': ok(notice({ acknowledgedAt: '2026-11-28T03:00:00.000Z' })) });
    const first = render(<NoticeDetailPage />);
    await waitFor(() => byId('notice-acknowledged'));
    expect(document.getElementById('notice-acknowledge')).toBeNull();
    first.unmount();

    fakeApi({ 'GET /me/notices/n-1': ok(notice({ acknowledgementRequired: false })) });
    render(<NoticeDetailPage />);
    await waitFor(() => byId('notice-detail-title'));
    expect(document.getElementById('notice-acknowledge')).toBeNull();
    expect(document.getElementById('notice-acknowledged')).toBeNull();
  });

  it('says so when the notice is not the person’s or was withdrawn', async () => {
    signIn();
    open('n-9');
    fakeApi({ 'GET /me/notices/n-9': apiError(404, CommonErrorCode.NotFound) });
    render(<NoticeDetailPage />);
    expect(await screen.findByText(ERROR_MESSAGES[CommonErrorCode.NotFound])).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
    expect(document.getElementById('notice-detail-title')).toBeNull();
  });
});
