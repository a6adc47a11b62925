import { OrgKind, Permission, Role } from '@ankang/shared';
import { Scope } from './scope';

const officerOfCoal = { role: Role.Officer, orgUnitId: 42, kind: OrgKind.Enterprise, path: '/1/7/42/' };
const staffOfCity = { role: Role.UnionStaff, orgUnitId: 7, kind: OrgKind.Union, path: '/1/7/' };
const staffOfCounty = { role: Role.UnionStaff, orgUnitId: 9, kind: OrgKind.Union, path: '/1/7/9/' };

describe('Scope', () => {
  it('allows a permission inside the subtree of a grant that carries it, and nowhere else', () => {
    const scope = new Scope(5, [officerOfCoal]);
    expect(scope.can(Permission.UserUpdate, '/1/7/42/')).toBe(true);
    expect(scope.can(Permission.UserUpdate, '/1/7/42/100/')).toBe(true);
    expect(scope.can(Permission.UserUpdate, '/1/7/43/')).toBe(false);
    expect(scope.can(Permission.UserUpdate, '/1/7/')).toBe(false);
    // /1/7/420/ shares the characters but not the subtree.
    expect(scope.can(Permission.UserUpdate, '/1/7/420/')).toBe(false);
  });

  it('ignores grants whose role lacks the permission', () => {
    const scope = new Scope(5, [staffOfCity]);
    expect(scope.can(Permission.OrgRead, '/1/7/42/')).toBe(true);
    expect(scope.can(Permission.UserUpdate, '/1/7/42/')).toBe(false);
    expect(scope.hasAnywhere(Permission.UserUpdate)).toBe(false);
  });

  it('builds one LIKE per outermost subtree, and a false condition when there is none', () => {
    const scope = new Scope(5, [staffOfCounty, staffOfCity, officerOfCoal]);
    expect(scope.pathsFor(Permission.OrgRead)).toEqual(['/1/7/']);
    expect(scope.pathCondition(Permission.OrgRead, 'unit.path')).toEqual({
      where: '(unit.path LIKE :scopePath0)',
      parameters: { scopePath0: '/1/7/%' },
    });
    expect(new Scope(5, []).pathCondition(Permission.OrgRead, 'unit.path')).toEqual({ where: '1 = 0', parameters: {} });
  });

  it('names the roles held at or above a node', () => {
    const scope = new Scope(5, [staffOfCity, officerOfCoal]);
    expect(scope.rolesAt('/1/7/42/100/').sort()).toEqual([Role.Officer, Role.UnionStaff].sort());
    expect(scope.rolesAt('/1/8/')).toEqual([]);
  });
});
