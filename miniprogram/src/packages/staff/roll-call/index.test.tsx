import { addChinaDays, OrgKind, Role, type RollCall, ShiftClearance } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { meFixture, orgUnitFixture, roleAt, rollCallEntryFixture, TODAY, todayAt } from '../../../../test/fixtures';
import { currentRouter, taroStorage } from '../../../../test/mocks/taro';
import RollCallPage from './index';

const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });

function query(call: RecordedRequest): Record<string, string> {
  return Object.fromEntries(new URL(call.url, 'http://ankang.test').searchParams);
}

function rollCall(overrides: Partial<RollCall> = {}): RollCall {
  return {
    workplace: { id: '42', name: '主井口' },
    day: TODAY,
    cleared: [
      rollCallEntryFixture({
        workerId: 'u-6',
        displayName: '马师傅',
        employeeNumber: null,
        checkedInAt: todayAt(7, 40),
      }),
      rollCallEntryFixture(),
    ],
    notCleared: [
      rollCallEntryFixture({
        workerId: 'u-7',
        displayName: '韩师傅',
        clearance: ShiftClearance.NotCleared,
        clearedAt: null,
        declaration: { fever: true, cough: false, feelingUnwell: false, temperature: 38.4 },
      }),
      rollCallEntryFixture({
        workerId: 'u-8',
        displayName: '祁师傅',
        clearance: ShiftClearance.LessonPending,
        clearedAt: null,
      }),
    ],
    notCheckedIn: [{ id: 'u-9', displayName: '李师傅', employeeNumber: 'HK-0901' }],
    ...overrides,
  };
}

describe('班组点名 (packages/staff/roll-call)', () => {
  beforeEach(() => {
    signIn();
    currentRouter.path = '/packages/staff/roll-call/index';
    currentRouter.params = {};
  });

  it('lets the person choose a workplace of their scope, remembers it, and calls today’s roll', async () => {
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units': ok({
        items: [orgUnitFixture({ id: '42', name: '主井口', kind: OrgKind.Workplace, code: 'HK-COAL-01' })],
        nextCursor: null,
      }),
      'GET /workplaces/42/roll-call': ok(rollCall()),
    });
    render(<RollCallPage />);
    await waitFor(() => expect(document.getElementById('roll-call-workplace-42')).not.toBeNull());
    expect(query(api.callsTo('GET', '/org-units')[0])).toEqual({ withinId: '7', kind: 'workplace', limit: '50' });

    fireEvent.click(byId('roll-call-workplace-42'));

    await waitFor(() => expect(document.getElementById('roll-call-cleared')).not.toBeNull());
    expect(query(api.callsTo('GET', '/workplaces/42/roll-call')[0])).toEqual({ date: TODAY });
    expect(taroStorage.get('ankang.roll-call-workplace')).toEqual({ id: '42', name: '主井口' });
    expect(byId('roll-call-workplace').textContent).toBe('主井口');
  });

  it('shows the three groups with names, times, and declarations only where the server sent them', async () => {
    currentRouter.params = { workplaceId: '42' };
    fakeApi({ 'GET /me': ok(OFFICER), 'GET /workplaces/42/roll-call': ok(rollCall()) });
    render(<RollCallPage />);
    await waitFor(() => expect(document.getElementById('roll-call-cleared')).not.toBeNull());

    expect(byId('roll-call-cleared').textContent).toContain('准许上岗（2）');
    // In the order they arrived at the gate.
    const cleared = Array.from(byId('roll-call-cleared').querySelectorAll('[id^="roll-call-worker-"]')).map(
      (row) => row.id,
    );
    expect(cleared).toEqual(['roll-call-worker-u-5', 'roll-call-worker-u-6']);
    expect(byId('roll-call-worker-u-5').textContent).toContain('王小明');
    expect(byId('roll-call-worker-u-5').textContent).toContain('工号 HK-0815');
    expect(byId('roll-call-worker-u-5').textContent).toContain('07:30 打卡 · 07:35 准许上岗');

    expect(byId('roll-call-not-cleared').textContent).toContain('暂不上岗 · 待培训（2）');
    expect(byId('roll-call-worker-u-7').textContent).toContain('暂不上岗');
    expect(byId('roll-call-worker-u-7').textContent).toContain('发热');
    expect(byId('roll-call-worker-u-7').textContent).toContain('体温 38.4 °C');
    expect(byId('roll-call-worker-u-8').textContent).toContain('待完成班前培训');
    // No declaration sent (union staff, or reduced after 30 days): nothing about health.
    expect(byId('roll-call-worker-u-8').textContent).not.toMatch(/发热|咳嗽|体温|未申报症状/);

    expect(byId('roll-call-not-checked-in').textContent).toContain('未打卡（1）');
    expect(byId('roll-call-worker-u-9').textContent).toContain('李师傅');
    expect(byId('roll-call-counts').textContent).toBe('准许 2暂不/待培训 2未打卡 1');
  });

  it('calls the roll of another day, never beyond today', async () => {
    currentRouter.params = { workplaceId: '42' };
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /workplaces/42/roll-call': (req) =>
        ok(rollCall({ day: query(req).date, cleared: [], notCleared: [], notCheckedIn: [] })),
    });
    render(<RollCallPage />);
    await waitFor(() => expect(api.callsTo('GET', '/workplaces/42/roll-call')).toHaveLength(1));

    fireEvent.click(byId('roll-call-next'));
    fireEvent.click(byId('roll-call-prev'));
    await waitFor(() => expect(api.callsTo('GET', '/workplaces/42/roll-call')).toHaveLength(2));
    expect(query(api.callsTo('GET', '/workplaces/42/roll-call')[1])).toEqual({ date: addChinaDays(TODAY, -1) });
    await waitFor(() => expect(byId('roll-call-cleared').textContent).toContain('无'));

    fireEvent.change(byId('roll-call-date'), { target: { value: '2026/11/01' } });
    expect(await screen.findByText('请按 年-月-日 填写日期，如 2026-12-31')).toBeTruthy();
    fireEvent.change(byId('roll-call-date'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(api.callsTo('GET', '/workplaces/42/roll-call')).toHaveLength(3));
    expect(query(api.callsTo('GET', '/workplaces/42/roll-call')[2])).toEqual({ date: '2026-11-01' });
  });

  it('opens on the workplace chosen last time, and can change it', async () => {
    taroStorage.set('ankang.roll-call-workplace', { id: '42', name: '主井口' });
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /workplaces/42/roll-call': ok(rollCall()),
      'GET /org-units': ok({ items: [], nextCursor: null }),
    });
    render(<RollCallPage />);
    await waitFor(() => expect(document.getElementById('roll-call-cleared')).not.toBeNull());
    expect(api.callsTo('GET', '/org-units')).toHaveLength(0);
    fireEvent.click(byId('roll-call-change'));
    expect(await screen.findByText('您的范围内还没有作业场所。')).toBeTruthy();
  });

  it('tells a person without roll-call permission that the page is not theirs', async () => {
    fakeApi({ 'GET /me': ok(meFixture({ roles: [] })) });
    render(<RollCallPage />);
    expect(await screen.findByText('班组点名供企业安全员和工会干部查看。')).toBeTruthy();
  });
});
