import {
  allowedChildKinds,
  GRANTABLE_ROLES,
  isWithinPath,
  Permission,
  ROLE_NODE_KINDS,
  ROLE_PERMISSIONS,
  roleHasPermission,
} from './access';
import { OrgKind, Role } from './enums';

describe('role permissions', () => {
  it('gives the admin every administration permission but no hazard, training or notice work, and the worker none over others', () => {
    const hazardWork = [
      Permission.HazardHandle,
      Permission.HazardSupervise,
      Permission.LessonManage,
      Permission.RollCallRead,
      Permission.NoticeManage,
    ];
    expect([...ROLE_PERMISSIONS[Role.Admin]].sort()).toEqual(
      Object.values(Permission)
        .filter((permission) => !hazardWork.includes(permission))
        .sort(),
    );
    expect(ROLE_PERMISSIONS[Role.Worker]).toEqual([]);
  });

  it('lets union staff supervise but not edit people or restructure the tree', () => {
    expect(roleHasPermission(Role.UnionStaff, Permission.OrgRead)).toBe(true);
    expect(roleHasPermission(Role.UnionStaff, Permission.GridManage)).toBe(true);
    expect(roleHasPermission(Role.UnionStaff, Permission.UserUpdate)).toBe(false);
    expect(roleHasPermission(Role.UnionStaff, Permission.OrgStructure)).toBe(false);
  });

  it('lets officers run their own enterprise: workplaces, people, bindings', () => {
    for (const permission of [Permission.WorkplaceManage, Permission.UserUpdate, Permission.BindingDecide]) {
      expect(roleHasPermission(Role.Officer, permission)).toBe(true);
    }
    expect(roleHasPermission(Role.Officer, Permission.GridManage)).toBe(false);
  });
});

describe('grants', () => {
  it('never lets anyone grant a role above their own', () => {
    const rank = [Role.Worker, Role.Officer, Role.UnionStaff, Role.Admin];
    for (const granter of rank) {
      for (const granted of GRANTABLE_ROLES[granter]) {
        expect(rank.indexOf(granted)).toBeLessThanOrEqual(rank.indexOf(granter));
      }
    }
  });

  it('holds staff roles at unions and officer roles at enterprises', () => {
    expect(ROLE_NODE_KINDS[Role.UnionStaff]).toEqual([OrgKind.Union]);
    expect(ROLE_NODE_KINDS[Role.Officer]).toEqual([OrgKind.Enterprise]);
  });
});

describe('tree shape', () => {
  it('nests unions, enterprises under unions and workplaces under enterprises', () => {
    expect(allowedChildKinds(null)).toEqual([OrgKind.Union]);
    expect(allowedChildKinds(OrgKind.Union)).toEqual([OrgKind.Union, OrgKind.Enterprise]);
    expect(allowedChildKinds(OrgKind.Enterprise)).toEqual([OrgKind.Workplace]);
    expect(allowedChildKinds(OrgKind.Workplace)).toEqual([]);
  });

  it('tells a subtree by its path prefix, without confusing /1/ with /12/', () => {
    expect(isWithinPath('/1/7/42/', '/1/7/')).toBe(true);
    expect(isWithinPath('/1/7/', '/1/7/')).toBe(true);
    expect(isWithinPath('/12/7/', '/1/')).toBe(false);
  });
});
