import { Industry, Role, WorkerGroup } from '@ankang/shared';
import { audienceFilterOf } from './notice-audience.repository';

describe('audienceFilterOf', () => {
  it('reads the stored JSON lists of a notice under its scope path', () => {
    expect(
      audienceFilterOf(
        {
          industries: JSON.stringify([Industry.HazardousChemicals]),
          workerGroups: JSON.stringify([WorkerGroup.SpecialOperations, WorkerGroup.NewHire]),
          roles: JSON.stringify([Role.Worker]),
        },
        '/1/7/',
      ),
    ).toEqual({
      scopePath: '/1/7/',
      industries: [Industry.HazardousChemicals],
      workerGroups: [WorkerGroup.SpecialOperations, WorkerGroup.NewHire],
      roles: [Role.Worker],
    });
  });

  it('treats empty lists (and an empty column) as no narrowing', () => {
    expect(audienceFilterOf({ industries: '[]', workerGroups: '', roles: '[]' }, '/1/')).toEqual({
      scopePath: '/1/',
      industries: [],
      workerGroups: [],
      roles: [],
    });
  });
});
