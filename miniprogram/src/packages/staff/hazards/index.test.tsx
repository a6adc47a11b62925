import { HazardCategory, HazardGrade, HazardState, OrgKind, Role } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { hazardSummaryFixture, meFixture, orgUnitFixture, roleAt } from '../../../../test/fixtures';
import {
  currentRouter,
  navigateTo,
  reachBottom,
  setNavigationBarTitle,
  showPageAgain,
} from '../../../../test/mocks/taro';
import HazardQueuePage from './index';

const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });

function query(call: RecordedRequest): Record<string, string> {
  return Object.fromEntries(new URL(call.url, 'http://ankang.test').searchParams.entries());
}

function openPage(view?: string): void {
  currentRouter.path = '/packages/staff/hazards/index';
  currentRouter.params = view ? { view } : {};
}

describe('隐患工单 queue (staff)', () => {
  beforeEach(() => {
    signIn();
  });

  it('shows a tab per open state, starting with 待研判, in the server’s order (overdue first)', async () => {
    openPage();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /hazards': (req) =>
        query(req).state === HazardState.Assigned
          ? ok({ items: [hazardSummaryFixture({ id: '520', state: HazardState.Assigned })], nextCursor: null })
          : ok({
              items: [
                hazardSummaryFixture({ id: '511', overdue: true, deadline: '2026-11-20' }),
                hazardSummaryFixture({ id: '512', code: 'HZ-20261129-0002' }),
              ],
              nextCursor: null,
            }),
    });
    render(<HazardQueuePage />);

    await waitFor(() => byId('ticket-511'));
    expect(setNavigationBarTitle).toHaveBeenCalledWith({ title: '隐患工单' });
    expect(
      ['submitted', 'assigned', 'rectifying', 'pending_verification'].map(
        (state) => byId(`queue-tab-${state}`).textContent,
      ),
    ).toEqual(['待研判', '已交办', '整改中', '待验收']);
    expect(query(api.callsTo('GET', '/hazards')[0])).toEqual({ view: 'queue', state: 'submitted' });
    const cards = [...document.querySelectorAll('[id^="ticket-"]')];
    expect(cards.map((card) => card.id)).toEqual(['ticket-511', 'ticket-512']);
    expect(cards[0].getAttribute('data-code')).toBe('HZ-20261129-0001');
    expect(byId('ticket-511').textContent).toContain('逾期');
    expect(byId('ticket-512').textContent).not.toContain('逾期');

    fireEvent.click(byId('queue-tab-assigned'));
    await waitFor(() => byId('ticket-520'));
    expect(document.getElementById('ticket-511')).toBeNull();
    expect(query(api.callsTo('GET', '/hazards')[1])).toEqual({ view: 'queue', state: 'assigned' });

    fireEvent.click(byId('ticket-520'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/detail?id=520' });
  });

  it('filters by category, grade, overdue and workplace', async () => {
    openPage();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /hazards': ok({ items: [], nextCursor: null }),
      'GET /org-units': ok({
        items: [orgUnitFixture({ id: '42', kind: OrgKind.Workplace, name: '主井口', parentId: '7' })],
        nextCursor: null,
      }),
    });
    render(<HazardQueuePage />);
    await screen.findByText('暂无「待研判」的隐患。');

    fireEvent.click(byId('queue-filter-toggle'));
    fireEvent.click(byId(`filter-category-${HazardCategory.ViolationCommand}`));
    fireEvent.click(byId(`filter-grade-${HazardGrade.Major}`));
    fireEvent.click(byId('filter-overdue-overdue'));
    fireEvent.change(byId('filter-workplace-search'), { target: { value: '主井' } });
    fireEvent.click(byId('filter-workplace-search-submit'));
    await waitFor(() => byId('filter-workplace-42'));
    expect(query(api.callsTo('GET', '/org-units')[0])).toMatchObject({ withinId: '7', kind: 'workplace', q: '主井' });
    fireEvent.click(byId('filter-workplace-42'));

    await waitFor(() =>
      expect(query(api.callsTo('GET', '/hazards').at(-1) as RecordedRequest)).toEqual({
        view: 'queue',
        state: 'submitted',
        category: 'violation_command',
        grade: 'major',
        overdue: 'true',
        workplaceId: '42',
      }),
    );
    expect(await screen.findByText('没有符合筛选条件的隐患。')).toBeTruthy();

    fireEvent.click(byId('queue-filter-clear'));
    await waitFor(() =>
      expect(query(api.callsTo('GET', '/hazards').at(-1) as RecordedRequest)).toEqual({
        view: 'queue',
        state: 'submitted',
      }),
    );
  });

  it('loads the next page at the bottom, and the list again when coming back from a ticket', async () => {
    openPage();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /hazards': (req) =>
        query(req).cursor === 'c-2'
          ? ok({ items: [hazardSummaryFixture({ id: '531' })], nextCursor: null })
          : ok({ items: [hazardSummaryFixture({ id: '530' })], nextCursor: 'c-2' }),
    });
    render(<HazardQueuePage />);
    await waitFor(() => byId('ticket-530'));

    reachBottom();
    await waitFor(() => byId('ticket-531'));
    expect(await screen.findByText('没有更多了')).toBeTruthy();

    showPageAgain();
    await waitFor(() => expect(api.callsTo('GET', '/hazards')).toHaveLength(3));
  });

  it('shows union staff the supervision list: 重大 and overdue across the subtree, no state tabs', async () => {
    openPage('supervision');
    const api = fakeApi({
      'GET /me': ok(meFixture({ roles: [roleAt(Role.UnionStaff, '3', '互助县总工会', OrgKind.Union)] })),
      'GET /hazards': ok({ items: [hazardSummaryFixture({ id: '540', grade: HazardGrade.Major })], nextCursor: null }),
    });
    render(<HazardQueuePage />);
    await waitFor(() => byId('ticket-540'));
    expect(setNavigationBarTitle).toHaveBeenCalledWith({ title: '隐患督办' });
    expect(document.getElementById('queue-tabs')).toBeNull();
    expect(query(api.callsTo('GET', '/hazards')[0])).toEqual({ view: 'supervision' });
    expect(byId('ticket-540').textContent).toContain('重大隐患');
  });
});
