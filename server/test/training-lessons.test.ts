import { randomUUID } from 'node:crypto';
import {
  AuthErrorCode,
  addChinaDays,
  CommonErrorCode,
  chinaDateOf,
  InboxMessageKind,
  LessonStatus,
  OrgErrorCode,
  TrainingErrorCode,
} from '@ankang/shared';
import sharp from 'sharp';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { LessonVersion } from '../src/training/lesson-version.entity';
import { User } from '../src/users/user.entity';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import {
  createWorker,
  lessonRequest,
  lessonUpdate,
  TrainingClient,
  type TrainingTestApp,
  useTrainingApp,
} from './training-support';

describe.each(testBackends())('lesson authoring on %s', (backend) => {
  let app: TrainingTestApp;
  let client: TrainingClient;
  let tree: TestTree;

  useTrainingApp(backend, async (started, startedClient) => {
    app = started;
    client = startedClient;
    tree = await createTestTree(app.dataSource);
  });

  describe('writing', () => {
    it('creates a draft, version 1, with the answers for its editors and the body sanitised', async () => {
      const body = lessonRequest(tree.units.cityA.id, {
        bodyHtml:
          '<p style="color:red" onclick="steal()">先通风</p><script>alert(1)</script><a href="javascript:x()">看</a>',
      });
      const created = await client.call('POST', '/lessons', tree.users.staffCityA, body);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          title: body.title,
          status: LessonStatus.Draft,
          version: 1,
          owner: expect.objectContaining({ id: String(tree.units.cityA.id) }),
          bodyHtml: '<p>先通风</p>看',
          questions: body.questions,
          publishedAt: null,
        }),
      );
      const fetched = await client.call('GET', `/lessons/${created.body.id}`, tree.users.staffCityA);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
    });

    it('lets an officer write for their own enterprise and nowhere else', async () => {
      const own = await client.call(
        'POST',
        '/lessons',
        tree.users.officerA1,
        lessonRequest(tree.units.enterpriseA1.id),
      );
      expect(own.status).toBe(201);
      for (const owner of [tree.units.enterpriseA2, tree.units.countyA, tree.units.workplaceA1a]) {
        const refused = await client.call('POST', '/lessons', tree.users.officerA1, lessonRequest(owner.id));
        expect(refused.status).toBe(403);
        expectErrorShape(refused.body, TrainingErrorCode.OwnerNotAllowed);
      }
    });

    it('lets union staff write for unions of their subtree only', async () => {
      const county = await client.call('POST', '/lessons', tree.users.staffCityA, lessonRequest(tree.units.countyA.id));
      expect(county.status).toBe(201);
      for (const owner of [tree.units.province, tree.units.cityB, tree.units.enterpriseA1]) {
        const refused = await client.call('POST', '/lessons', tree.users.staffCityA, lessonRequest(owner.id));
        expect(refused.status).toBe(403);
        expectErrorShape(refused.body, TrainingErrorCode.OwnerNotAllowed);
      }
      const unknown = await client.call('POST', '/lessons', tree.users.staffCityA, lessonRequest(999_999_999));
      expectErrorShape(unknown.body, TrainingErrorCode.OwnerNotAllowed);
    });

    it('refuses those with no lesson permission: workers and admins', async () => {
      for (const person of [tree.users.workerA1, tree.users.adminProvince]) {
        const refused = await client.call('POST', '/lessons', person, lessonRequest(tree.units.province.id));
        expect(refused.status).toBe(403);
        expectErrorShape(refused.body, AuthErrorCode.Forbidden);
      }
    });

    it('refuses content with problems, naming each field, and writes nothing', async () => {
      const before = await app.dataSource.getRepository(LessonVersion).count();
      const body = lessonRequest(tree.units.cityA.id, {
        title: '',
        durationSeconds: 10,
        videoUrl: 'http://x.example/v.mp4',
      });
      const refused = await client.call('POST', '/lessons', tree.users.staffCityA, body);
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual(
        expect.arrayContaining(['title', 'durationSeconds', 'videoUrl']),
      );
      expect(await app.dataSource.getRepository(LessonVersion).count()).toBe(before);
    });

    it('answers question problems with TRAINING_QUESTION_INVALID and the question field', async () => {
      const body = lessonRequest(tree.units.cityA.id);
      body.questions[2] = { ...body.questions[2], correctOptionIds: ['true', 'false'] };
      body.questions[1] = { ...body.questions[1], options: [{ id: 'a', text: '只有一个' }], correctOptionIds: ['a'] };
      const refused = await client.call('POST', '/lessons', tree.users.staffCityA, body);
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, TrainingErrorCode.QuestionInvalid);
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual(
        expect.arrayContaining(['questions[2].correctOptionIds', 'questions[1].options']),
      );
    });

    it('refuses the wrong shape and unknown fields with COMMON_VALIDATION_FAILED', async () => {
      const body = { ...lessonRequest(tree.units.cityA.id), answerKey: 'x' } as Record<string, unknown>;
      const unknownField = await client.call('POST', '/lessons', tree.users.staffCityA, body);
      expectErrorShape(unknownField.body, CommonErrorCode.ValidationFailed);
      const wrongType = await client.call('POST', '/lessons', tree.users.staffCityA, {
        ...lessonRequest(tree.units.cityA.id),
        questions: [{ id: 'q1', type: 'essay', prompt: 1, options: 'a', correctOptionIds: 'a', explanation: null }],
      });
      expect(wrongType.status).toBe(400);
      expectErrorShape(wrongType.body, CommonErrorCode.ValidationFailed);
    });

    it('takes uploaded lesson images and refuses ids of none', async () => {
      const file = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0b7a4b' } })
        .jpeg()
        .toBuffer();
      const form = new FormData();
      form.append('clientKey', randomUUID());
      form.append('file', new Blob([file], { type: 'image/jpeg' }), 'picture.jpg');
      const uploaded = await fetch(`${app.baseUrl}/lesson-images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token(tree.users.staffCityA)}` },
        body: form,
      });
      expect(uploaded.status).toBe(201);
      const image = (await uploaded.json()) as { id: string; url: string };

      const missing = await client.call(
        'POST',
        '/lessons',
        tree.users.staffCityA,
        lessonRequest(tree.units.cityA.id, { imageIds: [image.id, '999999999'] }),
      );
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual([{ field: 'imageIds[1]', message: expect.any(String) }]);

      const created = await client.call(
        'POST',
        '/lessons',
        tree.users.staffCityA,
        lessonRequest(tree.units.cityA.id, { imageIds: [image.id] }),
      );
      expect(created.status).toBe(201);
      expect(created.body.imageUrls).toEqual([`/api/v1/lesson-images/${image.id}`]);

      // Teaching material: any signed-in person may fetch it, nobody signed out.
      const origin = app.baseUrl.replace(/\/api\/v1$/, '');
      const asWorker = await fetch(`${origin}${image.url}?variant=thumbnail`, {
        headers: { authorization: `Bearer ${client.token(tree.users.workerB1)}` },
      });
      expect(asWorker.status).toBe(200);
      expect(asWorker.headers.get('content-type')).toBe('image/jpeg');
      expect((await fetch(`${origin}${image.url}`)).status).toBe(401);
    });

    it('answers a retried image upload with the first image, and refuses what is no picture', async () => {
      const file = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer();
      const send = (author: typeof tree.users.staffCityA, clientKey: string, bytes: Buffer) => {
        const form = new FormData();
        form.append('clientKey', clientKey);
        form.append('file', new Blob([bytes], { type: 'image/png' }), 'picture.png');
        return fetch(`${app.baseUrl}/lesson-images`, {
          method: 'POST',
          headers: { authorization: `Bearer ${client.token(author)}` },
          body: form,
        });
      };
      const clientKey = randomUUID();
      const first = await send(tree.users.staffCityA, clientKey, file);
      expect(first.status).toBe(201);
      const retry = await send(tree.users.staffCityA, clientKey, file);
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
      const someoneElses = await send(tree.users.officerA1, clientKey, file);
      expect(someoneElses.status).toBe(400);
      const notAPicture = await send(tree.users.staffCityA, randomUUID(), Buffer.from('<svg onload="alert(1)"/>'));
      expect(notAPicture.status).toBe(415);
    });

    it('lets only lesson authors upload images', async () => {
      const form = new FormData();
      form.append('clientKey', randomUUID());
      form.append('file', new Blob([Buffer.from('x')], { type: 'image/jpeg' }), 'x.jpg');
      const refused = await fetch(`${app.baseUrl}/lesson-images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token(tree.users.workerA1)}` },
        body: form,
      });
      expect(refused.status).toBe(403);
    });
  });

  describe('scope', () => {
    it('keeps an officer out of another enterprise’s lesson: not listed, not read, not edited', async () => {
      const lesson = await client.createLesson(tree.users.officerA2, lessonRequest(tree.units.enterpriseA2.id));
      const read = await client.call('GET', `/lessons/${lesson.id}`, tree.users.officerA1);
      expect(read.status).toBe(404);
      expectErrorShape(read.body, CommonErrorCode.NotFound);
      const edit = await client.call(
        'PUT',
        `/lessons/${lesson.id}`,
        tree.users.officerA1,
        lessonUpdate(lessonRequest(tree.units.enterpriseA2.id)),
      );
      expect(edit.status).toBe(404);
      for (const action of ['publish', 'archive']) {
        expect((await client.call('POST', `/lessons/${lesson.id}/${action}`, tree.users.officerA1)).status).toBe(404);
      }
      const list = await client.call('GET', '/lessons?limit=100', tree.users.officerA1);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(lesson.id);
      const unchanged = await client.call('GET', `/lessons/${lesson.id}`, tree.users.officerA2);
      expect(unchanged.body.status).toBe(LessonStatus.Draft);
    });

    it('keeps another city’s staff out, and lets the union above read an enterprise’s lesson but not rewrite it', async () => {
      const lesson = await client.createLesson(tree.users.officerA1, lessonRequest(tree.units.enterpriseA1.id));
      expect((await client.call('GET', `/lessons/${lesson.id}`, tree.users.staffCityB)).status).toBe(404);
      expect((await client.call('GET', `/lessons/${lesson.id}`, tree.users.staffCityA)).status).toBe(200);
      const rewrite = await client.call(
        'PUT',
        `/lessons/${lesson.id}`,
        tree.users.staffCityA,
        lessonUpdate(lessonRequest(tree.units.enterpriseA1.id)),
      );
      expect(rewrite.status).toBe(403);
      expectErrorShape(rewrite.body, TrainingErrorCode.OwnerNotAllowed);
    });

    it('lists the lessons owned within the scope, newest first, with filters and cursor pages', async () => {
      const ownTree = await createTestTree(app.dataSource);
      const author = ownTree.users.staffCityA;
      const first = await client.createLesson(author, lessonRequest(ownTree.units.cityA.id, { title: '动火作业安全' }));
      const second = await client.publishedLesson(author, lessonRequest(ownTree.units.countyA.id));
      const third = await client.createLesson(ownTree.users.officerA1, lessonRequest(ownTree.units.enterpriseA1.id));
      await client.createLesson(ownTree.users.staffCityB, lessonRequest(ownTree.units.cityB.id));

      const page1 = await client.call('GET', '/lessons?limit=2', author);
      expect(page1.body.items.map((item: { id: string }) => item.id)).toEqual([third.id, second.id]);
      const page2 = await client.call('GET', `/lessons?limit=2&cursor=${page1.body.nextCursor}`, author);
      expect(page2.body).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });

      const published = await client.call('GET', '/lessons?status=published', author);
      expect(published.body.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
      const byOwner = await client.call('GET', `/lessons?ownerOrgUnitId=${ownTree.units.enterpriseA1.id}`, author);
      expect(byOwner.body.items.map((item: { id: string }) => item.id)).toEqual([third.id]);
      const byTitle = await client.call('GET', `/lessons?q=${encodeURIComponent('动火')}`, author);
      expect(byTitle.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
      const outside = await client.call('GET', `/lessons?ownerOrgUnitId=${ownTree.units.cityB.id}`, author);
      expect(outside.status).toBe(404);
      const badCursor = await client.call('GET', '/lessons?cursor=nonsense', author);
      expectErrorShape(badCursor.body, CommonErrorCode.ValidationFailed);
    });
  });

  describe('versions', () => {
    it('changes a draft in place and publishes it as version 1', async () => {
      const lesson = await client.createLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
      const edited = await client.call(
        'PUT',
        `/lessons/${lesson.id}`,
        tree.users.staffCityA,
        lessonUpdate(lessonRequest(tree.units.cityA.id), { title: '改过的草稿' }),
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual(
        expect.objectContaining({ title: '改过的草稿', version: 1, status: LessonStatus.Draft }),
      );
      const published = await client.call('POST', `/lessons/${lesson.id}/publish`, tree.users.staffCityA);
      expect(published.body).toEqual(
        expect.objectContaining({ status: LessonStatus.Published, version: 1, publishedAt: expect.any(String) }),
      );
      const again = await client.call('POST', `/lessons/${lesson.id}/publish`, tree.users.staffCityA);
      expect(again.body.publishedAt).toBe(published.body.publishedAt);
      expect(await app.dataSource.getRepository(LessonVersion).countBy({ lessonId: Number(lesson.id) })).toBe(1);
    });

    it('gives a published lesson a new version on edit and never changes the old one', async () => {
      const body = lessonRequest(tree.units.cityA.id);
      const lesson = await client.publishedLesson(tree.users.staffCityA, body);
      const versions = app.dataSource.getRepository(LessonVersion);
      const before = await versions.findOneByOrFail({ lessonId: Number(lesson.id), version: 1 });

      const edit = lessonUpdate(body, { title: '第二版' });
      const edited = await client.call('PUT', `/lessons/${lesson.id}`, tree.users.staffCityA, edit);
      expect(edited.body).toEqual(
        expect.objectContaining({ title: '第二版', version: 2, status: LessonStatus.Published }),
      );
      expect(await versions.findOneByOrFail({ lessonId: Number(lesson.id), version: 1 })).toEqual(before);

      // Saving the same content again makes no third version.
      const same = await client.call('PUT', `/lessons/${lesson.id}`, tree.users.staffCityA, edit);
      expect(same.body.version).toBe(2);
      expect(await versions.countBy({ lessonId: Number(lesson.id) })).toBe(2);
    });

    it('archives, keeps archived lessons from changing, and refuses to publish them again', async () => {
      const lesson = await client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
      const archived = await client.call('POST', `/lessons/${lesson.id}/archive`, tree.users.staffCityA);
      expect(archived.body.status).toBe(LessonStatus.Archived);
      const edit = await client.call(
        'PUT',
        `/lessons/${lesson.id}`,
        tree.users.staffCityA,
        lessonUpdate(lessonRequest(tree.units.cityA.id)),
      );
      expect(edit.status).toBe(409);
      expectErrorShape(edit.body, TrainingErrorCode.LessonArchived);
      const publish = await client.call('POST', `/lessons/${lesson.id}/publish`, tree.users.staffCityA);
      expectErrorShape(publish.body, TrainingErrorCode.LessonArchived);
      expect((await client.call('POST', `/lessons/${lesson.id}/archive`, tree.users.staffCityA)).status).toBe(200);
    });

    it('makes concurrent edits of a published lesson consecutive versions', async () => {
      const body = lessonRequest(tree.units.cityA.id);
      const lesson = await client.publishedLesson(tree.users.staffCityA, body);
      const results = await Promise.all(
        ['版本甲', '版本乙', '版本丙'].map((title) =>
          client.call('PUT', `/lessons/${lesson.id}`, tree.users.staffCityA, lessonUpdate(body, { title })),
        ),
      );
      expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
      const versions = await app.dataSource.getRepository(LessonVersion).findBy({ lessonId: Number(lesson.id) });
      expect(versions.map((version) => version.version).sort()).toEqual([1, 2, 3, 4]);
    });
  });

  describe('assignments', () => {
    it('assigns a published lesson to a subtree and tells its workers, and no one else', async () => {
      const ownTree = await createTestTree(app.dataSource);
      const lesson = await client.publishedLesson(ownTree.users.staffCityA, lessonRequest(ownTree.units.cityA.id));
      const workerA1 = await createWorker(app, ownTree.units.enterpriseA1);
      const dueOn = addChinaDays(chinaDateOf(new Date()), 7);
      const assigned = await client.call('POST', `/lessons/${lesson.id}/assignments`, ownTree.users.staffCityA, {
        orgUnitId: String(ownTree.units.countyA.id),
        dueOn,
      });
      expect(assigned.status).toBe(201);
      expect(assigned.body).toEqual({
        id: expect.any(String),
        lessonId: lesson.id,
        orgUnit: expect.objectContaining({ id: String(ownTree.units.countyA.id) }),
        dueOn,
        createdAt: expect.any(String),
      });

      const messages = await app.dataSource
        .getRepository(InboxMessage)
        .findBy({ kind: InboxMessageKind.LessonAssigned });
      const told = new Set(
        messages.filter((message) => message.body.includes(lesson.title)).map((message) => message.userId),
      );
      // Everyone bound under the county: its workers (and the officer bound to A1); nobody of A2 or city B.
      expect(told).toEqual(new Set([ownTree.users.workerA1.id, ownTree.users.officerA1.id, workerA1.id]));

      // Again with a later date: the same assignment moves, and the workers are told the new date once.
      const later = addChinaDays(dueOn, 3);
      const moved = await client.call('POST', `/lessons/${lesson.id}/assignments`, ownTree.users.staffCityA, {
        orgUnitId: String(ownTree.units.countyA.id),
        dueOn: later,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual(expect.objectContaining({ id: assigned.body.id, dueOn: later }));
      const toWorker = await app.dataSource
        .getRepository(InboxMessage)
        .findBy({ userId: workerA1.id, kind: InboxMessageKind.LessonAssigned });
      expect(toWorker.map((message) => message.body).sort()).toEqual([
        expect.stringContaining(dueOn),
        expect.stringContaining(later),
      ]);

      const list = await client.call('GET', `/lessons/${lesson.id}/assignments`, ownTree.users.staffCityA);
      expect(list.body).toEqual({
        items: [expect.objectContaining({ id: assigned.body.id, dueOn: later })],
        nextCursor: null,
      });
    });

    it('lets an officer make a union’s published lesson required of their enterprise', async () => {
      const lesson = await client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
      const assigned = await client.call('POST', `/lessons/${lesson.id}/assignments`, tree.users.officerA1, {
        orgUnitId: String(tree.units.enterpriseA1.id),
        dueOn: chinaDateOf(new Date()),
      });
      expect(assigned.status).toBe(201);
      const seen = await client.call('GET', `/lessons/${lesson.id}/assignments`, tree.users.officerA1);
      expect(seen.body.items.map((item: { id: string }) => item.id)).toEqual([assigned.body.id]);
      // The city's draft is no business of the officer's.
      const draft = await client.createLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
      const refused = await client.call('POST', `/lessons/${draft.id}/assignments`, tree.users.officerA1, {
        orgUnitId: String(tree.units.enterpriseA1.id),
        dueOn: chinaDateOf(new Date()),
      });
      expect(refused.status).toBe(404);
    });

    it('refuses nodes outside the scope or the owner, past dates and lessons not published', async () => {
      const lesson = await client.publishedLesson(tree.users.staffCountyA, lessonRequest(tree.units.countyA.id));
      const today = chinaDateOf(new Date());
      for (const node of [
        tree.units.cityA,
        tree.units.enterpriseA2,
        tree.units.enterpriseB1,
        tree.units.workplaceA1a,
      ]) {
        const refused = await client.call('POST', `/lessons/${lesson.id}/assignments`, tree.users.staffCityA, {
          orgUnitId: String(node.id),
          dueOn: today,
        });
        expect(refused.status).toBe(400);
        expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
      }
      const past = await client.call('POST', `/lessons/${lesson.id}/assignments`, tree.users.staffCityA, {
        orgUnitId: String(tree.units.enterpriseA1.id),
        dueOn: addChinaDays(today, -1),
      });
      expect(past.status).toBe(400);
      expectErrorShape(past.body, TrainingErrorCode.DueDateInPast);
      const notADate = await client.call('POST', `/lessons/${lesson.id}/assignments`, tree.users.staffCityA, {
        orgUnitId: String(tree.units.enterpriseA1.id),
        dueOn: '2026-02-30',
      });
      expectErrorShape(notADate.body, CommonErrorCode.ValidationFailed);

      const draft = await client.createLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
      const unpublished = await client.call('POST', `/lessons/${draft.id}/assignments`, tree.users.staffCityA, {
        orgUnitId: String(tree.units.countyA.id),
        dueOn: today,
      });
      expect(unpublished.status).toBe(409);
      expectErrorShape(unpublished.body, TrainingErrorCode.LessonNotPublished);
    });

    it('refuses an archived owner node', async () => {
      const archivedTree = await createTestTree(app.dataSource);
      await app.dataSource
        .getRepository(OrgUnit)
        .update({ id: archivedTree.units.cityB.id }, { archivedAt: new Date() });
      const refused = await client.call(
        'POST',
        '/lessons',
        archivedTree.users.staffProvince,
        lessonRequest(archivedTree.units.cityB.id),
      );
      expect(refused.status).toBe(409);
      expectErrorShape(refused.body, OrgErrorCode.NodeArchived);
    });
  });

  it('keeps disabled workers out of assignment messages', async () => {
    const ownTree = await createTestTree(app.dataSource);
    const disabled = await createWorker(app, ownTree.units.enterpriseB1);
    await app.dataSource.getRepository(User).update({ id: disabled.id }, { disabledAt: new Date() });
    const lesson = await client.publishedLesson(ownTree.users.staffCityB, lessonRequest(ownTree.units.cityB.id));
    await client.call('POST', `/lessons/${lesson.id}/assignments`, ownTree.users.staffCityB, {
      orgUnitId: String(ownTree.units.enterpriseB1.id),
      dueOn: chinaDateOf(new Date()),
    });
    const inbox = app.dataSource.getRepository(InboxMessage);
    expect(await inbox.countBy({ userId: disabled.id })).toBe(0);
    expect(await inbox.countBy({ userId: ownTree.users.workerB1.id, kind: InboxMessageKind.LessonAssigned })).toBe(1);
  });

  it('documents the training and check-in routes, the worker’s quiz without answers', async () => {
    const document = await request('GET', `${app.baseUrl.replace('/api/v1', '')}/api/docs-json`);
    expect(document.status).toBe(200);
    const paths = document.body.paths;
    expect(Object.keys(paths['/api/v1/lessons'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/lessons/{id}'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(paths['/api/v1/lessons/{id}/assignments'] ?? {}).sort()).toEqual(['get', 'post']);
    for (const path of [
      '/api/v1/lessons/{id}/publish',
      '/api/v1/lessons/{id}/archive',
      '/api/v1/lessons/{id}/attempts',
      '/api/v1/lesson-attempts/{id}/submit',
      '/api/v1/lesson-images',
      '/api/v1/check-ins',
    ]) {
      expect(paths[path]?.post).toBeDefined();
    }
    for (const path of ['/api/v1/me/lessons', '/api/v1/check-ins/today', '/api/v1/workplaces/{id}/roll-call']) {
      expect(paths[path]?.get).toBeDefined();
    }
    const quizQuestion = document.body.components.schemas.QuizQuestionDto;
    expect(Object.keys(quizQuestion.properties).sort()).toEqual(['id', 'options', 'prompt', 'type']);
  });
});
