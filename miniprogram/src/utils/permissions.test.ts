import { OrgKind, Permission, Role } from '@ankang/shared';
import { roleAt } from '../../test/fixtures';
import { canAt, canRevokeAt, grantableRolesAt, hasPermission } from './permissions';

const PROVINCE = { id: '1', name: '青海省总工会' };
const CITY = { id: '3', name: '海东市总工会' };
const ENTERPRISE = { id: '7', kind: OrgKind.Enterprise, ancestors: [PROVINCE, CITY] };
const OTHER_ENTERPRISE = {
  id: '8',
  kind: OrgKind.Enterprise,
  ancestors: [PROVINCE, { id: '4', name: '西宁市总工会' }],
};
const CITY_NODE = { id: '3', kind: OrgKind.Union, ancestors: [PROVINCE] };

const OFFICER = [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)];
const CITY_STAFF = [roleAt(Role.UnionStaff, '3', '海东市总工会', OrgKind.Union)];
const WORKER = [roleAt(Role.Worker, '7', '河口煤业有限公司', OrgKind.Enterprise)];
const ADMIN = [roleAt(Role.Admin, '1', '青海省总工会', OrgKind.Union)];

describe('what the person may do, from their roles', () => {
  it('shows staff tools by the permissions of any role', () => {
    expect(hasPermission(OFFICER, Permission.BindingDecide)).toBe(true);
    expect(hasPermission(CITY_STAFF, Permission.BindingDecide)).toBe(false);
    expect(hasPermission(WORKER, Permission.OrgRead)).toBe(false);
  });

  it('applies a permission only inside the subtree of the node where the role is held', () => {
    expect(canAt(OFFICER, Permission.WorkplaceManage, ENTERPRISE)).toBe(true);
    expect(canAt(OFFICER, Permission.WorkplaceManage, OTHER_ENTERPRISE)).toBe(false);
    expect(canAt(OFFICER, Permission.OrgRead, CITY_NODE)).toBe(false);
    expect(canAt(CITY_STAFF, Permission.OrgUpdate, ENTERPRISE)).toBe(true);
    expect(canAt(CITY_STAFF, Permission.WorkplaceManage, ENTERPRISE)).toBe(false);
    expect(canAt(CITY_STAFF, Permission.OrgRead, OTHER_ENTERPRISE)).toBe(false);
    expect(canAt(ADMIN, Permission.OrgStructure, OTHER_ENTERPRISE)).toBe(true);
  });

  it('offers only the roles the person may grant, at the kind of node they are held at', () => {
    expect(grantableRolesAt(OFFICER, ENTERPRISE)).toEqual([Role.Officer]);
    expect(grantableRolesAt(OFFICER, OTHER_ENTERPRISE)).toEqual([]);
    expect(grantableRolesAt(CITY_STAFF, ENTERPRISE)).toEqual([Role.Officer]);
    expect(grantableRolesAt(CITY_STAFF, CITY_NODE)).toEqual([Role.UnionStaff]);
    expect(grantableRolesAt(ADMIN, CITY_NODE)).toEqual([Role.Admin, Role.UnionStaff]);
    expect(grantableRolesAt(WORKER, ENTERPRISE)).toEqual([]);
  });

  it('lets a person revoke only what they could have granted', () => {
    expect(canRevokeAt(OFFICER, Role.Officer, ENTERPRISE)).toBe(true);
    expect(canRevokeAt(OFFICER, Role.UnionStaff, ENTERPRISE)).toBe(false);
    expect(canRevokeAt(CITY_STAFF, Role.Admin, CITY_NODE)).toBe(false);
    expect(canRevokeAt(CITY_STAFF, Role.Officer, OTHER_ENTERPRISE)).toBe(false);
  });
});
