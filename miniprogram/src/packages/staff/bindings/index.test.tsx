import { BindingStatus, OrgErrorCode, OrgKind, Role } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, ok, signIn } from '../../../../test/fake-api';
import { bindingRequestFixture, meFixture, roleAt } from '../../../../test/fixtures';
import { showModal, showToast } from '../../../../test/mocks/taro';
import BindingsPage from './index';

const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });
const FIRST = bindingRequestFixture({ id: 'b-1' });
const SECOND = bindingRequestFixture({
  id: 'b-2',
  user: { id: 'u-6', displayName: '赵大勇', phone: '13600001111', employeeNumber: null },
  workplace: { id: '43', name: '副井口', code: 'HK-COAL-02' },
});

function click(id: string): void {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`no #${id}`);
  }
  fireEvent.click(element);
}

async function openList(routes: Parameters<typeof fakeApi>[0] = {}) {
  signIn();
  const api = fakeApi({
    'GET /me': ok(OFFICER),
    'GET /enterprise-bindings': ok({ items: [FIRST, SECOND], nextCursor: null }),
    ...routes,
  });
  render(<BindingsPage />);
  await screen.findByText('王小明');
  return api;
}

describe('绑定审核 (staff subpackage)', () => {
  it('lists the pending requests with masked phones, employee numbers and the workplace scanned', async () => {
    const api = await openList();
    expect(new URL(api.callsTo('GET', '/enterprise-bindings')[0].url, 'http://x').searchParams.get('status')).toBe(
      BindingStatus.Pending,
    );
    expect(screen.getByText('139****5678 · 工号 HK-0815')).toBeTruthy();
    expect(screen.getByText('136****1111')).toBeTruthy();
    expect(screen.getAllByText('申请加入「河口煤业有限公司」')).toHaveLength(2);
    expect(screen.getByText(/在「副井口」扫码提交/)).toBeTruthy();
  });

  it('approves after confirmation and takes the request off the list', async () => {
    const api = await openList({
      'POST /enterprise-bindings/b-1/approve': ok({ ...FIRST, status: BindingStatus.Approved }),
    });

    click('approve-b-1');

    await waitFor(() => expect(screen.queryByText('王小明')).toBeNull());
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '通过申请', content: '确认 王小明 是「河口煤业有限公司」的职工？' }),
    );
    expect(api.callsTo('POST', '/enterprise-bindings/b-1/approve')).toHaveLength(1);
    expect(screen.getByText('赵大勇')).toBeTruthy();
  });

  it('sends nothing when the officer does not confirm the approval', async () => {
    const api = await openList();
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    click('approve-b-1');
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(api.callsTo('POST', '/enterprise-bindings/b-1/approve')).toHaveLength(0);
    expect(screen.getByText('王小明')).toBeTruthy();
  });

  it('requires a reason to reject, then sends it', async () => {
    const api = await openList({
      'POST /enterprise-bindings/b-2/reject': (req) =>
        ok({ ...SECOND, status: BindingStatus.Rejected, reason: (req.data as { reason: string }).reason }),
    });

    click('reject-b-2');
    click('reject-confirm-b-2');
    expect(await screen.findByText('请填写驳回原因，职工会在「我的」中看到')).toBeTruthy();
    expect(api.callsTo('POST', '/enterprise-bindings/b-2/reject')).toHaveLength(0);

    fireEvent.change(document.getElementById('reject-reason-b-2') as HTMLElement, {
      target: { value: '  经核实不是本企业职工 ' },
    });
    expect(screen.queryByText('请填写驳回原因，职工会在「我的」中看到')).toBeNull();
    click('reject-confirm-b-2');

    await waitFor(() => expect(screen.queryByText('赵大勇')).toBeNull());
    expect(api.callsTo('POST', '/enterprise-bindings/b-2/reject')[0].data).toEqual({ reason: '经核实不是本企业职工' });
    expect(screen.getByText('王小明')).toBeTruthy();
  });

  it('lets the officer change their mind about rejecting', async () => {
    const api = await openList();
    click('reject-b-1');
    expect(document.getElementById('reject-reason-b-1')).not.toBeNull();
    click('reject-cancel-b-1');
    expect(document.getElementById('reject-reason-b-1')).toBeNull();
    expect(document.getElementById('approve-b-1')).not.toBeNull();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('drops a request another officer already decided, saying so', async () => {
    await openList({ 'POST /enterprise-bindings/b-1/approve': apiError(409, OrgErrorCode.BindingNotPending) });
    click('approve-b-1');
    await waitFor(() => expect(screen.queryByText('王小明')).toBeNull());
  });

  it('keeps the request and shows the error when the decision fails', async () => {
    await openList({ 'POST /enterprise-bindings/b-1/approve': { statusCode: 503, data: 'Service Unavailable' } });
    click('approve-b-1');
    await waitFor(() =>
      expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务器开小差了，请稍后再试' })),
    );
    expect(document.getElementById('approve-b-1')?.textContent).toBe('通过');
    expect(screen.getByText('王小明')).toBeTruthy();
  });

  it('says when nothing is waiting', async () => {
    signIn();
    fakeApi({ 'GET /me': ok(OFFICER), 'GET /enterprise-bindings': ok({ items: [], nextCursor: null }) });
    render(<BindingsPage />);
    expect(await screen.findByText('暂无待审核的申请。')).toBeTruthy();
  });
});
