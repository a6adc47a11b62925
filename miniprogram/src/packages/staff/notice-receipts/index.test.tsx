import {
  CommonErrorCode,
  NoticeErrorCode,
  NoticeFanOutState,
  type NoticeReceiptCounts,
  type NoticeReceipts,
  NoticeState,
  OrgKind,
} from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { apiError, fakeApi, ok, signIn } from '../../../../test/fake-api';
import { noticeSummaryFixture } from '../../../../test/fixtures';
import { currentRouter, navigateTo, reLaunch, request } from '../../../../test/mocks/taro';
import NoticeReceiptsPage from './index';

function counts(overrides: Partial<NoticeReceiptCounts> = {}): NoticeReceiptCounts {
  return {
    recipients: 10,
    delivered: 10,
    read: 6,
    acknowledged: 5,
    wechatSent: 7,
    wechatRefused: 2,
    wechatFailed: 1,
    ...overrides,
  };
}

const summary = noticeSummaryFixture;

function receipts(overrides: Partial<NoticeReceipts> = {}): NoticeReceipts {
  return {
    notice: summary(),
    node: { id: '5', name: '海东市总工会', kind: OrgKind.Union },
    totals: counts(),
    children: [
      {
        node: { id: '8', name: '互助县总工会', kind: OrgKind.Union },
        counts: counts({ recipients: 4, delivered: 4, read: 4, acknowledged: 4 }),
      },
      {
        node: { id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise },
        counts: counts({ recipients: 6, delivered: 6, read: 2, acknowledged: 1 }),
      },
    ],
    ...overrides,
  };
}

function open(params: Record<string, string> = { id: 'n-1' }): void {
  currentRouter.path = '/packages/staff/notice-receipts/index';
  currentRouter.params = params;
}

describe('notice receipts (packages/staff/notice-receipts)', () => {
  it('sends a person without a session to login, to come back here', () => {
    open();
    render(<NoticeReceiptsPage />);
    const back = encodeURIComponent('/packages/staff/notice-receipts/index?id=n-1');
    expect(reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${back}` });
    expect(request).not.toHaveBeenCalled();
  });

  it('shows the rates with their counts, the WeChat messages and the child nodes, which open their own figures', async () => {
    signIn();
    open();
    const api = fakeApi({ 'GET /notices/n-1/receipts': ok(receipts()) });
    render(<NoticeReceiptsPage />);

    await waitFor(() => byId('receipts-title'));
    expect(byId('receipts-title').textContent).toBe('关于做好冬季安全生产工作的通知');
    expect(byId('receipts-state').textContent).toBe('已发布');
    expect(byId('receipts-fan-out').textContent).toBe('发送完成，共 10 人');
    expect(byId('receipts-delivered-rate').textContent).toBe('100%');
    expect(byId('receipts-read-rate').textContent).toBe('60%');
    expect(byId('receipts-acknowledged-rate').textContent).toBe('50%');
    expect(byId('receipts-acknowledged-count').textContent).toBe('5/10 人');
    expect(byId('receipts-wechat-sent').textContent).toBe('7');
    expect(byId('receipts-wechat-refused').textContent).toBe('2');
    expect(byId('receipts-wechat-failed').textContent).toBe('1');
    expect(byId('receipts-node-7').textContent).toContain('已阅知 16%（1/6）');
    expect(api.calls[0].url).not.toContain('orgUnitId');

    fireEvent.click(byId('receipts-node-7'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/notice-receipts/index?id=n-1&orgUnitId=7' });
  });

  it('asks for the node it was opened at, and shows sending progress while the fan-out runs', async () => {
    signIn();
    open({ id: 'n-1', orgUnitId: '7' });
    const api = fakeApi({
      'GET /notices/n-1/receipts': ok(
        receipts({
          notice: summary({ fanOut: { state: NoticeFanOutState.Running, recipients: 10 } }),
          node: { id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise },
          totals: counts({ delivered: 4, read: 0, acknowledged: 0 }),
          children: [],
        }),
      ),
    });
    render(<NoticeReceiptsPage />);
    await waitFor(() => byId('receipts-fan-out'));
    expect(byId('receipts-fan-out').textContent).toBe('发送中 4/10');
    expect(api.calls[0].url).toContain('orgUnitId=7');
    expect(byId('receipts-node').textContent).toBe('河口煤业有限公司');
  });

  it('shows the rate rise on 刷新', async () => {
    signIn();
    open();
    let acknowledged = 5;
    const api = fakeApi({ 'GET /notices/n-1/receipts': () => ok(receipts({ totals: counts({ acknowledged }) })) });
    render(<NoticeReceiptsPage />);
    await waitFor(() => expect(byId('receipts-acknowledged-rate').textContent).toBe('50%'));
    acknowledged = 9;
    fireEvent.click(byId('receipts-refresh'));
    await waitFor(() => expect(byId('receipts-acknowledged-rate').textContent).toBe('90%'));
    expect(api.callsTo('GET', '/notices/n-1/receipts')).toHaveLength(2);
  });

  it('reminds those who have not acknowledged after the confirmation, and shows the server’s 409 message the second time', async () => {
    signIn();
    open();
    let reminded = 0;
    const api = fakeApi({
      'GET /notices/n-1/receipts': ok(receipts()),
      'POST /notices/n-1/remind': () => {
        reminded += 1;
        return reminded === 1
          ? ok({ reminded: 5, nextAllowedOn: '2026-12-01' })
          : apiError(409, NoticeErrorCode.AlreadyRemindedToday, '今天已经催办过了，请明天再试');
      },
    });
    render(<NoticeReceiptsPage />);
    await waitFor(() => byId('receipts-remind'));

    fireEvent.click(byId('receipts-remind'));
    await waitFor(() => byId('action-confirm'));
    fireEvent.click(byId('action-confirm'));

    await waitFor(() => byId('receipts-message'));
    expect(byId('receipts-message').textContent).toContain('已提醒 5 人');
    expect(api.callsTo('POST', '/notices/n-1/remind').map((call) => call.data)).toEqual([{ orgUnitId: '5' }]);

    fireEvent.click(byId('receipts-remind'));
    await waitFor(() => byId('action-confirm'));
    fireEvent.click(byId('action-confirm'));

    await waitFor(() => byId('receipts-failure'));
    expect(byId('receipts-failure').textContent).toBe('今天已经催办过了，请明天再试');
    expect(document.getElementById('action-confirm')).toBeNull();
  });

  it('withdraws a published notice after the confirmation', async () => {
    signIn();
    open();
    let state = NoticeState.Published;
    const api = fakeApi({
      'GET /notices/n-1/receipts': () =>
        ok(
          receipts({
            notice: summary({
              state,
              withdrawnAt: state === NoticeState.Withdrawn ? '2026-11-30T03:00:00.000Z' : null,
            }),
          }),
        ),
      'POST /notices/n-1/withdraw': () => {
        state = NoticeState.Withdrawn;
        return ok({
          ...summary({ state }),
          bodyHtml: '<p>x</p>',
          scopeOrgUnitId: '5',
          industries: [],
          workerGroups: [],
          roles: [],
        });
      },
    });
    render(<NoticeReceiptsPage />);
    await waitFor(() => byId('notice-withdraw'));
    fireEvent.click(byId('notice-withdraw'));
    await waitFor(() => byId('action-confirm'));
    fireEvent.click(byId('action-confirm'));

    await waitFor(() => expect(byId('receipts-state').textContent).toBe('已撤回'));
    expect(api.callsTo('POST', '/notices/n-1/withdraw')).toHaveLength(1);
    expect(document.getElementById('notice-withdraw')).toBeNull();
    expect(document.getElementById('receipts-remind')).toBeNull();
  });

  it('shows the server’s message when the notice is out of reach', async () => {
    signIn();
    open({ id: 'n-404' });
    fakeApi({ 'GET /notices/n-404/receipts': apiError(404, CommonErrorCode.NotFound, '通知不存在') });
    render(<NoticeReceiptsPage />);
    expect(await screen.findByText('通知不存在')).toBeTruthy();
  });
});
