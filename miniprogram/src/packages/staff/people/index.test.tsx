import { OrgKind, Role, type UserSummary, WorkerGroup } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { enterpriseFixture, meFixture, roleAt } from '../../../../test/fixtures';
import { currentRouter, navigateTo, reachBottom } from '../../../../test/mocks/taro';
import PeoplePage from './index';

const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });

function person(id: number): UserSummary {
  return {
    id: `u-${id}`,
    displayName: `职工${id}`,
    // The server masks; a number that somehow arrives whole is masked here too.
    phone: id === 1 ? '13912345678' : `139****${String(1000 + id)}`,
    employeeNumber: `HK-${id}`,
    workerGroups: id === 1 ? [WorkerGroup.Outsourced] : [],
    enterprise: { id: '7', name: '河口煤业有限公司' },
    roles: id === 1 ? [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] : [],
    disabled: id === 2,
  };
}

function query(req: RecordedRequest): URLSearchParams {
  return new URL(req.url, 'http://ankang.test').searchParams;
}

describe('人员与角色 (staff subpackage)', () => {
  it('lists the people in scope with masked phones, searches and loads more', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /users': (req) => {
        const params = query(req);
        if (params.get('q')) return ok({ items: [person(3)], nextCursor: null });
        return params.get('cursor')
          ? ok({ items: [person(3)], nextCursor: null })
          : ok({ items: [person(1), person(2)], nextCursor: 'c2' });
      },
    });
    render(<PeoplePage />);

    expect(await screen.findByText('职工1')).toBeTruthy();
    expect(screen.getByText('139****5678 · 工号 HK-1 · 河口煤业有限公司')).toBeTruthy();
    expect(screen.getByText('职工2（已停用）')).toBeTruthy();
    expect(screen.getByText('外协')).toBeTruthy();
    expect(screen.getByText('企业安全员 · 河口煤业有限公司')).toBeTruthy();

    reachBottom();
    expect(await screen.findByText('职工3')).toBeTruthy();
    expect(query(api.callsTo('GET', '/users')[1]).get('cursor')).toBe('c2');

    fireEvent.change(document.getElementById('people-search') as HTMLElement, { target: { value: '5678' } });
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(screen.queryByText('职工1')).toBeNull());
    expect(query(api.callsTo('GET', '/users').at(-1) as RecordedRequest).get('q')).toBe('5678');
  });

  it('limits the list to one node’s subtree and links to the role grants of the person’s own nodes', async () => {
    signIn();
    currentRouter.params = { orgUnitId: '7' };
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(enterpriseFixture()),
      'GET /users': ok({ items: [], nextCursor: null }),
    });
    render(<PeoplePage />);

    expect(await screen.findByText('范围：河口煤业有限公司')).toBeTruthy();
    expect(query(api.callsTo('GET', '/users')[0]).get('orgUnitId')).toBe('7');
    expect(screen.getByText('暂无人员。')).toBeTruthy();

    fireEvent.click(document.getElementById('people-grants-7') as HTMLElement);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/grants/index?orgUnitId=7' });
  });
});
