import type { ScopeCondition } from '../access/scope';

/**
 * The people "in" a set of subtrees: bound to an enterprise in one of them, or holding a role at a
 * node in one. A SQL condition on the user table aliased `userAlias` in the surrounding query.
 * Paths are digits and slashes only, so they need no LIKE escaping.
 */
export function personWithinPathsCondition(
  userAlias: string,
  paths: readonly string[],
  parameterPrefix = 'personPath',
): ScopeCondition {
  if (paths.length === 0) return { where: '1 = 0', parameters: {} };
  const parameters: Record<string, string> = {};
  paths.forEach((path, index) => {
    parameters[`${parameterPrefix}${index}`] = `${path}%`;
  });
  const within = (column: string) =>
    `(${paths.map((_path, index) => `${column} LIKE :${parameterPrefix}${index}`).join(' OR ')})`;
  const boundThere =
    'EXISTS (SELECT 1 FROM org_unit person_enterprise' +
    ` WHERE person_enterprise.id = ${userAlias}.enterprise_id AND ${within('person_enterprise.path')})`;
  const grantedThere =
    'EXISTS (SELECT 1 FROM role_grant person_grant' +
    ' INNER JOIN org_unit person_grant_unit ON person_grant_unit.id = person_grant.org_unit_id' +
    ` WHERE person_grant.user_id = ${userAlias}.id AND ${within('person_grant_unit.path')})`;
  return { where: `(${boundThere} OR ${grantedThere})`, parameters };
}
