import { personWithinPathsCondition } from './people-in-scope';

describe('personWithinPathsCondition', () => {
  it('matches people bound to an enterprise in, or holding a role at a node in, any of the subtrees', () => {
    const condition = personWithinPathsCondition('person', ['/1/7/', '/1/9/']);
    expect(condition.parameters).toEqual({ personPath0: '/1/7/%', personPath1: '/1/9/%' });
    expect(condition.where).toContain('person_enterprise.id = person.enterprise_id');
    expect(condition.where).toContain('person_grant.user_id = person.id');
    expect(condition.where).toContain(
      'person_grant_unit.path LIKE :personPath0 OR person_grant_unit.path LIKE :personPath1',
    );
  });

  it('matches nobody when there is no subtree', () => {
    expect(personWithinPathsCondition('person', [])).toEqual({ where: '1 = 0', parameters: {} });
  });
});
