import { OrgErrorCode, OrgKind, Role, type RoleGrantDetail, type UserSummary } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { enterpriseFixture, meFixture, roleAt } from '../../../../test/fixtures';
import { currentRouter, showModal } from '../../../../test/mocks/taro';
import GrantsPage from './index';

const ENTERPRISE = enterpriseFixture({
  ancestors: [
    { id: '1', name: '青海省总工会', kind: OrgKind.Union },
    { id: '3', name: '海东市总工会', kind: OrgKind.Union },
  ],
});
const OFFICER = meFixture({
  id: 'u-2',
  displayName: '张安全',
  roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)],
});
const CITY_STAFF = meFixture({ roles: [roleAt(Role.UnionStaff, '3', '海东市总工会', OrgKind.Union)] });

function grantOf(id: string, role: Role, displayName: string): RoleGrantDetail {
  return {
    id,
    role,
    orgUnit: { id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise },
    user: { id: `user-${id}`, displayName },
    grantedBy: { id: 'u-9', displayName: '赵主席' },
    createdAt: '2024-11-20T02:00:00.000Z',
  };
}

const CANDIDATE: UserSummary = {
  id: 'u-5',
  displayName: '王小明',
  phone: '139****5678',
  employeeNumber: 'HK-0815',
  workerGroups: [],
  enterprise: { id: '7', name: '河口煤业有限公司' },
  roles: [],
  disabled: false,
};

function query(req: RecordedRequest): URLSearchParams {
  return new URL(req.url, 'http://ankang.test').searchParams;
}

function click(id: string): void {
  fireEvent.click(document.getElementById(id) as HTMLElement);
}

describe('角色授权 (staff subpackage)', () => {
  beforeEach(() => {
    currentRouter.params = { orgUnitId: '7' };
  });

  it('lists who holds which role under the node, with revoke only where the person may', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(ENTERPRISE),
      'GET /role-grants': ok({
        items: [grantOf('g-1', Role.Officer, '张安全'), grantOf('g-2', Role.Worker, '王小明')],
        nextCursor: null,
      }),
    });
    render(<GrantsPage />);

    expect(await screen.findByText('张安全 · 企业安全员')).toBeTruthy();
    expect(screen.getByText('王小明 · 职工')).toBeTruthy();
    expect(query(api.callsTo('GET', '/role-grants')[0]).get('orgUnitId')).toBe('7');
    expect(document.getElementById('revoke-g-1')).not.toBeNull();
    expect(document.getElementById('revoke-g-2')).toBeNull();
  });

  it('revokes after confirmation', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(ENTERPRISE),
      'GET /role-grants': ok({ items: [grantOf('g-3', Role.Officer, '李副科')], nextCursor: null }),
      'DELETE /role-grants/g-3': { statusCode: 204 },
    });
    render(<GrantsPage />);
    await screen.findByText('李副科 · 企业安全员');

    click('revoke-g-3');

    await waitFor(() => expect(screen.queryByText('李副科 · 企业安全员')).toBeNull());
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '撤销 李副科 在「河口煤业有限公司」的企业安全员角色？' }),
    );
    expect(api.callsTo('DELETE', '/role-grants/g-3')).toHaveLength(1);
  });

  it('grants a role to a person found by search, offering only the roles the granter may give here', async () => {
    signIn();
    let granted = false;
    const api = fakeApi({
      'GET /me': ok(CITY_STAFF),
      'GET /org-units/7': ok(ENTERPRISE),
      'GET /role-grants': () =>
        ok({ items: granted ? [grantOf('g-9', Role.Officer, '王小明')] : [], nextCursor: null }),
      'GET /users': ok({ items: [CANDIDATE], nextCursor: null }),
      'POST /role-grants': (req) => {
        granted = true;
        return ok({ ...grantOf('g-9', Role.Officer, '王小明'), ...(req.data as object) }, 201);
      },
    });
    render(<GrantsPage />);
    expect(await screen.findByText('此单位及下级暂无角色。')).toBeTruthy();

    // A city cadre may grant 工会干部 and 企业安全员; at an enterprise only the latter is held.
    expect(document.getElementById(`grant-role-${Role.Officer}`)).not.toBeNull();
    expect(document.getElementById(`grant-role-${Role.UnionStaff}`)).toBeNull();
    expect(document.getElementById(`grant-role-${Role.Admin}`)).toBeNull();

    fireEvent.change(document.getElementById('grant-person-search') as HTMLElement, { target: { value: '王小明' } });
    click('grant-person-search-submit');
    expect(await screen.findByText('139****5678 · 工号 HK-0815 · 河口煤业有限公司')).toBeTruthy();
    expect(query(api.callsTo('GET', '/users')[0]).get('q')).toBe('王小明');
    fireEvent.click(screen.getByText('选择'));
    expect(screen.getByText('已选择：王小明')).toBeTruthy();

    fireEvent.click(screen.getByText('授予', { selector: 'button *' }));

    expect(await screen.findByText('王小明 · 企业安全员')).toBeTruthy();
    expect(api.callsTo('POST', '/role-grants')[0].data).toEqual({ userId: 'u-5', role: Role.Officer, orgUnitId: '7' });
  });

  it('shows why the server refused a grant', async () => {
    signIn();
    fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(ENTERPRISE),
      'GET /role-grants': ok({ items: [], nextCursor: null }),
      'GET /users': ok({ items: [CANDIDATE], nextCursor: null }),
      'POST /role-grants': apiError(409, OrgErrorCode.GrantExists),
    });
    render(<GrantsPage />);
    await screen.findByText('此单位及下级暂无角色。');

    fireEvent.change(document.getElementById('grant-person-search') as HTMLElement, { target: { value: '王' } });
    click('grant-person-search-submit');
    fireEvent.click(await screen.findByText('选择'));
    fireEvent.click(screen.getByText('授予', { selector: 'button *' }));

    expect(await screen.findByText('该用户在此单位已拥有这个角色')).toBeTruthy();
  });

  it('asks for a person before granting', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(ENTERPRISE),
      'GET /role-grants': ok({ items: [], nextCursor: null }),
    });
    render(<GrantsPage />);
    await screen.findByText('此单位及下级暂无角色。');
    fireEvent.click(screen.getByText('授予', { selector: 'button *' }));
    expect(await screen.findByText('请先选择人员')).toBeTruthy();
    expect(api.callsTo('POST', '/role-grants')).toHaveLength(0);
  });

  it('offers no grant form where the person may grant nothing', async () => {
    signIn();
    fakeApi({
      'GET /me': ok(meFixture({ roles: [roleAt(Role.Officer, '8', '青海盐湖化工有限公司', OrgKind.Enterprise)] })),
      'GET /org-units/7': ok(ENTERPRISE),
      'GET /role-grants': ok({ items: [], nextCursor: null }),
    });
    render(<GrantsPage />);
    expect(await screen.findByText('您不能在此单位授予角色。')).toBeTruthy();
    expect(document.getElementById('grant-form')).toBeNull();
  });
});
