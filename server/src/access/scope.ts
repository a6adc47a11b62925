import { type OrgKind, type Permission, type Role, roleHasPermission } from '@ankang/shared';

/** One role the person holds, at one node, with the node's materialised path. */
export interface ScopeGrant {
  role: Role;
  orgUnitId: number;
  kind: OrgKind;
  path: string;
}

/** A SQL fragment and its parameters, ready for a query builder's `andWhere`. */
export interface ScopeCondition {
  where: string;
  parameters: Record<string, string>;
}

/**
 * Where a person may do what: their grants, each reaching the subtree of its node. Every scoped read
 * and write asks this object, so a record outside the subtree is never found, never listed and never
 * changed — and is reported as not found, which reveals nothing about it.
 */
export class Scope {
  constructor(
    readonly userId: number,
    readonly grants: readonly ScopeGrant[],
  ) {}

  /** The grants whose role carries the permission. */
  grantsFor(permission: Permission): ScopeGrant[] {
    return this.grants.filter((grant) => roleHasPermission(grant.role, permission));
  }

  /** The subtrees where the permission holds, a subtree inside another left out. */
  pathsFor(permission: Permission): string[] {
    const paths = [...new Set(this.grantsFor(permission).map((grant) => grant.path))].sort();
    return paths.filter((path, index) => !paths.slice(0, index).some((outer) => path.startsWith(outer)));
  }

  hasAnywhere(permission: Permission): boolean {
    return this.grantsFor(permission).length > 0;
  }

  /** True when the node at `path` lies in a subtree where the permission holds. */
  can(permission: Permission, path: string): boolean {
    return this.grantsFor(permission).some((grant) => path.startsWith(grant.path));
  }

  /** The roles held at the node at `path` or above it. */
  rolesAt(path: string): Role[] {
    return [...new Set(this.grants.filter((grant) => path.startsWith(grant.path)).map((grant) => grant.role))];
  }

  /**
   * Limits a path column to the subtrees where the permission holds: `(unit.path LIKE :p0 OR …)`, or
   * a condition that is never true when it holds nowhere. Paths are digits and slashes only, so they
   * need no LIKE escaping.
   */
  pathCondition(permission: Permission, column: string, parameterPrefix = 'scopePath'): ScopeCondition {
    const paths = this.pathsFor(permission);
    if (paths.length === 0) return { where: '1 = 0', parameters: {} };
    const parameters: Record<string, string> = {};
    const clauses = paths.map((path, index) => {
      const name = `${parameterPrefix}${index}`;
      parameters[name] = `${path}%`;
      return `${column} LIKE :${name}`;
    });
    return { where: `(${clauses.join(' OR ')})`, parameters };
  }
}
