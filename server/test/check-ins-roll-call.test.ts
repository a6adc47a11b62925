import { randomUUID } from 'node:crypto';
import { AuthErrorCode, addChinaDays, CommonErrorCode, chinaDateOf, ShiftClearance, WorkerGroup } from '@ankang/shared';
import { CheckIn } from '../src/check-ins/check-in.entity';
import { DeclarationReductionJob } from '../src/check-ins/declaration-reduction.job';
import { User } from '../src/users/user.entity';
import { createTestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import { createWorker, lessonRequest, TrainingClient, type TrainingTestApp, useTrainingApp } from './training-support';

describe.each(testBackends())('roll call on %s', (backend) => {
  let app: TrainingTestApp;
  let client: TrainingClient;

  useTrainingApp(backend, (started, startedClient) => {
    app = started;
    client = startedClient;
  });

  const rollCall = (user: User, workplaceId: number, date?: string) =>
    client.call('GET', `/workplaces/${workplaceId}/roll-call${date ? `?date=${date}` : ''}`, user);
  const namesOf = (entries: { displayName: string }[]) => entries.map((entry) => entry.displayName).sort();

  it('lists who is cleared, who is not, and who of the enterprise has not checked in anywhere', async () => {
    const tree = await createTestTree(app.dataSource);
    // Only high-risk posts have a lesson to take.
    await client.publishedLesson(
      tree.users.officerA1,
      lessonRequest(tree.units.enterpriseA1.id, { workerGroups: [WorkerGroup.HighRisk] }),
    );
    const workplace = tree.units.workplaceA1a;
    const cleared = await createWorker(app, tree.units.enterpriseA1, [], '张三');
    const unfit = await createWorker(app, tree.units.enterpriseA1, [], '李四');
    const studying = await createWorker(app, tree.units.enterpriseA1, [WorkerGroup.HighRisk], '王五');
    const elsewhere = await createWorker(app, tree.units.enterpriseA1, [], '赵六');
    const absent = await createWorker(app, tree.units.enterpriseA1, [], '钱七');
    const disabled = await createWorker(app, tree.units.enterpriseA1, [], '孙八');
    await app.dataSource.getRepository(User).update({ id: disabled.id }, { disabledAt: new Date() });
    await app.dataSource.getRepository(User).update({ id: absent.id }, { employeeNumber: 'A1-007' });

    await client.checkIn(cleared, workplace, { temperature: 36.5 });
    await client.checkIn(unfit, workplace, { fever: true, otherSymptoms: '头痛', temperature: 38.2 });
    await client.checkIn(studying, workplace);
    await client.checkIn(elsewhere, tree.units.workplaceA1b);

    const asOfficer = await rollCall(tree.users.officerA1, workplace.id);
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body.workplace).toEqual({ id: String(workplace.id), name: workplace.name });
    expect(asOfficer.body.day).toBe(chinaDateOf(new Date()));
    expect(asOfficer.body.cleared).toEqual([
      {
        workerId: String(cleared.id),
        displayName: cleared.displayName,
        employeeNumber: null,
        clearance: ShiftClearance.Cleared,
        checkedInAt: expect.any(String),
        clearedAt: expect.any(String),
        declaration: { fever: false, cough: false, feelingUnwell: false, temperature: 36.5 },
      },
    ]);
    expect(asOfficer.body.notCleared).toEqual([
      expect.objectContaining({
        workerId: String(unfit.id),
        clearance: ShiftClearance.NotCleared,
        declaration: { fever: true, cough: false, feelingUnwell: false, otherSymptoms: '头痛', temperature: 38.2 },
      }),
      expect.objectContaining({
        workerId: String(studying.id),
        clearance: ShiftClearance.LessonPending,
        clearedAt: null,
      }),
    ]);
    expect(namesOf(asOfficer.body.notCheckedIn)).toEqual(namesOf([absent, tree.users.workerA1, tree.users.officerA1]));
    expect(asOfficer.body.notCheckedIn).toContainEqual({
      id: String(absent.id),
      displayName: absent.displayName,
      employeeNumber: 'A1-007',
    });

    // Union staff see where people stand, never their health (PIPL).
    const asStaff = await rollCall(tree.users.staffCountyA, workplace.id);
    expect(asStaff.status).toBe(200);
    expect(namesOf(asStaff.body.cleared)).toEqual(namesOf(asOfficer.body.cleared));
    for (const entry of [...asStaff.body.cleared, ...asStaff.body.notCleared]) expect(entry.declaration).toBeNull();
    expect(JSON.stringify(asStaff.body)).not.toContain('头痛');
  });

  it('shows another day on request', async () => {
    const tree = await createTestTree(app.dataSource);
    await client.checkIn(tree.users.workerB1, tree.units.workplaceB1a);
    const yesterday = addChinaDays(chinaDateOf(new Date()), -1);
    const past = await rollCall(tree.users.officerB1, tree.units.workplaceB1a.id, yesterday);
    expect(past.body).toEqual(
      expect.objectContaining({ day: yesterday, cleared: [], notCleared: [], notCheckedIn: expect.any(Array) }),
    );
    expect(namesOf(past.body.notCheckedIn)).toEqual(namesOf([tree.users.workerB1, tree.users.officerB1]));
    const invalid = await rollCall(tree.users.officerB1, tree.units.workplaceB1a.id, '2026-13-01');
    expect(invalid.status).toBe(400);
    expectErrorShape(invalid.body, CommonErrorCode.ValidationFailed);
  });

  it('answers a workplace outside the caller’s scope as not found', async () => {
    const tree = await createTestTree(app.dataSource);
    for (const outsider of [tree.users.officerA2, tree.users.staffCityB, tree.users.officerB1]) {
      const refused = await rollCall(outsider, tree.units.workplaceA1a.id);
      expect(refused.status).toBe(404);
      expectErrorShape(refused.body, CommonErrorCode.NotFound);
    }
    expect((await rollCall(tree.users.officerA1, 999_999_999)).status).toBe(404);
    expect((await rollCall(tree.users.officerA1, tree.units.enterpriseA1.id)).status).toBe(404);
    for (const withoutPermission of [tree.users.workerA1, tree.users.adminProvince]) {
      const refused = await rollCall(withoutPermission, tree.units.workplaceA1a.id);
      expect(refused.status).toBe(403);
      expectErrorShape(refused.body, AuthErrorCode.Forbidden);
    }
  });

  it('reduces declarations older than 30 days to the clearance alone, once', async () => {
    const tree = await createTestTree(app.dataSource);
    const today = chinaDateOf(new Date());
    const checkIns = app.dataSource.getRepository(CheckIn);
    const stored = async (worker: User, day: string) => {
      const at = new Date(Date.parse(`${day}T01:00:00Z`));
      const inserted = await checkIns.insert({
        userId: worker.id,
        enterpriseId: tree.units.enterpriseA1.id,
        workplaceId: tree.units.workplaceA1a.id,
        day,
        clientKey: randomUUID(),
        fever: true,
        cough: true,
        feelingUnwell: false,
        otherSymptoms: '咽痛',
        temperature: 38.5,
        clearance: ShiftClearance.NotCleared,
        clearedAt: null,
        passedAttemptId: null,
        declarationReducedAt: null,
        createdAt: at,
        updatedAt: at,
      });
      return Number(inserted.identifiers[0].id);
    };
    const worker = await createWorker(app, tree.units.enterpriseA1);
    const old = await stored(worker, addChinaDays(today, -31));
    const kept = await stored(worker, addChinaDays(today, -30));

    const job = app.app.get(DeclarationReductionJob);
    expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await checkIns.findOneByOrFail({ id: old })).toEqual(
      expect.objectContaining({
        fever: null,
        cough: null,
        feelingUnwell: null,
        otherSymptoms: null,
        temperature: null,
        clearance: ShiftClearance.NotCleared,
        declarationReducedAt: expect.any(Date),
      }),
    );
    expect(await checkIns.findOneByOrFail({ id: kept })).toEqual(
      expect.objectContaining({ fever: true, otherSymptoms: '咽痛', temperature: 38.5, declarationReducedAt: null }),
    );
    expect(await job.runOnce()).toBe(0);

    const reducedDay = await rollCall(tree.users.officerA1, tree.units.workplaceA1a.id, addChinaDays(today, -31));
    expect(reducedDay.body.notCleared).toEqual([
      expect.objectContaining({ workerId: String(worker.id), clearance: ShiftClearance.NotCleared, declaration: null }),
    ]);
    const keptDay = await rollCall(tree.users.officerA1, tree.units.workplaceA1a.id, addChinaDays(today, -30));
    expect(keptDay.body.notCleared[0].declaration).toEqual(expect.objectContaining({ otherSymptoms: '咽痛' }));

    // A day later, the one kept today goes too.
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    expect(await job.runOnce(tomorrow)).toBe(1);
    expect(await checkIns.findOneByOrFail({ id: kept })).toEqual(expect.objectContaining({ temperature: null }));
  });
});
