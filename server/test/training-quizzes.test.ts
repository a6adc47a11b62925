import { randomUUID } from 'node:crypto';
import { CommonErrorCode, QuestionType, ShiftClearance, TrainingErrorCode } from '@ankang/shared';
import { LessonAttempt } from '../src/training/lesson-attempt.entity';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import {
  ALL_RIGHT,
  lessonRequest,
  lessonUpdate,
  TrainingClient,
  type TrainingTestApp,
  useTrainingApp,
} from './training-support';

/** Every string value and key anywhere in a JSON document. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

describe.each(testBackends())('quizzes on %s', (backend) => {
  let app: TrainingTestApp;
  let client: TrainingClient;
  let tree: TestTree;

  useTrainingApp(backend, async (started, startedClient) => {
    app = started;
    client = startedClient;
    tree = await createTestTree(app.dataSource);
  });

  const publishedCityLesson = () => client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));

  describe('studying', () => {
    it('gives the worker the lesson without a single answer or explanation', async () => {
      const request = lessonRequest(tree.units.cityA.id, { imageIds: [] });
      const lesson = await client.publishedLesson(tree.users.staffCityA, request);
      const opened = await client.open(tree.users.workerA1, lesson.id);
      expect(opened.status).toBe(201);
      expect(opened.body).toEqual({
        id: expect.any(String),
        lessonId: lesson.id,
        version: 1,
        title: request.title,
        topic: request.topic,
        bodyHtml: lesson.bodyHtml,
        imageUrls: [],
        videoUrl: null,
        durationSeconds: 120,
        passMark: 80,
        questions: request.questions.map(({ id, type, prompt, options }) => ({ id, type, prompt, options })),
        openedAt: expect.any(String),
        submittableAt: expect.any(String),
      });
      expect(Date.parse(opened.body.submittableAt) - Date.parse(opened.body.openedAt)).toBe(60_000);

      const raw = JSON.stringify(opened.body);
      expect(raw).not.toMatch(/correctOptionIds|explanation|解析/);
      const strings = new Set(stringsIn(opened.body));
      for (const question of request.questions) {
        expect(strings.has(question.explanation)).toBe(false);
        // A correct option id appears only as one of the options offered, never marked as the answer.
        const offered = opened.body.questions.find((candidate: { id: string }) => candidate.id === question.id);
        expect(Object.keys(offered).sort()).toEqual(['id', 'options', 'prompt', 'type']);
        for (const option of offered.options) expect(Object.keys(option).sort()).toEqual(['id', 'text']);
      }
    });

    it('answers lessons the worker is not given as not found', async () => {
      const enterpriseLesson = await client.publishedLesson(
        tree.users.officerA2,
        lessonRequest(tree.units.enterpriseA2.id),
      );
      const otherCity = await client.publishedLesson(tree.users.staffCityB, lessonRequest(tree.units.cityB.id));
      const draft = await client.createLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
      for (const id of [enterpriseLesson.id, otherCity.id, draft.id, '999999999']) {
        const refused = await client.open(tree.users.workerA1, id);
        expect(refused.status).toBe(404);
        expectErrorShape(refused.body, CommonErrorCode.NotFound);
      }
      // Someone bound to no enterprise is given no lesson at all.
      expect((await client.open(tree.users.nobody, (await publishedCityLesson()).id)).status).toBe(404);
    });

    it('refuses a check-in that is not the caller’s fit check-in of today', async () => {
      const lesson = await publishedCityLesson();
      const unfit = await client.checkIn(tree.users.officerA1, tree.units.workplaceA1a, { cough: true });
      expect(unfit.body.clearance).toBe(ShiftClearance.NotCleared);
      const own = await client.open(tree.users.officerA1, lesson.id, unfit.body.id);
      expect(own.status).toBe(409);
      expectErrorShape(own.body, TrainingErrorCode.CheckInNotUsable);
      const someoneElses = await client.open(tree.users.workerA1, lesson.id, unfit.body.id);
      expectErrorShape(someoneElses.body, TrainingErrorCode.CheckInNotUsable);
      const unknown = await client.open(tree.users.workerA1, lesson.id, '999999999');
      expectErrorShape(unknown.body, TrainingErrorCode.CheckInNotUsable);
    });
  });

  describe('scoring', () => {
    it('scores every question type on the server and returns the answers and explanations', async () => {
      const request = lessonRequest(tree.units.cityA.id);
      const lesson = await client.publishedLesson(tree.users.staffCityA, request);
      const attemptId = await client.studied(tree.users.workerA1, lesson.id);
      const result = await client.submit(tree.users.workerA1, attemptId, ALL_RIGHT);
      expect(result.status).toBe(200);
      expect(result.body).toEqual({
        attemptId,
        lessonId: lesson.id,
        version: 1,
        score: 100,
        passMark: 80,
        passed: true,
        timeSpentSeconds: expect.any(Number),
        questions: request.questions.map((question) => ({
          questionId: question.id,
          prompt: question.prompt,
          chosenOptionIds: ALL_RIGHT[question.id as keyof typeof ALL_RIGHT],
          correctOptionIds: question.correctOptionIds,
          score: 1,
          correct: true,
          explanation: question.explanation,
        })),
        submittedAt: expect.any(String),
        clearance: null,
      });
      expect(result.body.timeSpentSeconds).toBeGreaterThanOrEqual(120);
    });

    it.each<[string, Record<string, string[]>, number[], number, boolean]>([
      ['a wrong single choice', { q1: ['a'], q2: ['a', 'c'], q3: ['false'] }, [0, 1, 1], 67, false],
      ['a wrong true/false', { q1: ['b'], q2: ['a', 'c'], q3: ['true'] }, [1, 1, 0], 67, false],
      ['a partial multiple choice', { q1: ['b'], q2: ['c'], q3: ['false'] }, [1, 0.5, 1], 83, true],
      [
        'a multiple choice with one wrong option',
        { q1: ['b'], q2: ['a', 'b', 'c'], q3: ['false'] },
        [1, 0, 1],
        67,
        false,
      ],
      ['only a wrong multiple choice option', { q1: ['b'], q2: ['d'], q3: ['false'] }, [1, 0, 1], 67, false],
      ['everything wrong', { q1: ['c'], q2: ['b', 'd'], q3: ['true'] }, [0, 0, 0], 0, false],
    ])('scores %s', async (_case, answers, questionScores, score, passed) => {
      const lesson = await publishedCityLesson();
      const result = await client.submit(
        tree.users.workerA1,
        await client.studied(tree.users.workerA1, lesson.id),
        answers,
      );
      expect(result.status).toBe(200);
      expect(result.body.questions.map((question: { score: number }) => question.score)).toEqual(questionScores);
      expect(result.body.questions.map((question: { correct: boolean }) => question.correct)).toEqual(
        questionScores.map((questionScore) => questionScore === 1),
      );
      expect(result.body).toEqual(expect.objectContaining({ score, passed }));
    });

    it('refuses incomplete or invalid answers, naming the question, and records nothing', async () => {
      const lesson = await publishedCityLesson();
      const attemptId = await client.studied(tree.users.workerA1, lesson.id);
      const cases: [Record<string, string[]>, string][] = [
        [{ q1: ['b'], q2: ['a'] }, 'answers.q3'],
        [{ q1: ['b', 'a'], q2: ['a'], q3: ['true'] }, 'answers.q1'],
        [{ q1: ['b'], q2: ['x'], q3: ['true'] }, 'answers.q2'],
        [{ q1: ['b'], q2: ['a'], q3: ['yes'] }, 'answers.q3'],
        [{ ...ALL_RIGHT, q9: ['a'] }, 'answers.q9'],
      ];
      for (const [answers, field] of cases) {
        const refused = await client.submit(tree.users.workerA1, attemptId, answers);
        expect(refused.status).toBe(400);
        expectErrorShape(refused.body, TrainingErrorCode.AnswerInvalid);
        expect(refused.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
      }
      const attempt = await app.dataSource.getRepository(LessonAttempt).findOneByOrFail({ id: Number(attemptId) });
      expect(attempt.submittedAt).toBeNull();
      expect((await client.submit(tree.users.workerA1, attemptId, ALL_RIGHT)).status).toBe(200);
    });

    it('lets a worker who failed try again by opening the lesson again', async () => {
      const lesson = await publishedCityLesson();
      const failed = await client.submit(tree.users.workerA1, await client.studied(tree.users.workerA1, lesson.id), {
        q1: ['a'],
        q2: ['b'],
        q3: ['true'],
      });
      expect(failed.body.passed).toBe(false);
      expect((await client.pass(tree.users.workerA1, lesson.id)).passed).toBe(true);
    });
  });

  describe('anti-skim', () => {
    it('refuses a submission sooner than half the duration after opening, and records nothing', async () => {
      const lesson = await publishedCityLesson();
      const opened = await client.open(tree.users.workerA1, lesson.id);
      const attemptId = opened.body.id;
      const tooSoon = await client.submit(tree.users.workerA1, attemptId, ALL_RIGHT);
      expect(tooSoon.status).toBe(409);
      expectErrorShape(tooSoon.body, TrainingErrorCode.SubmittedTooSoon);
      // 59 of the 60 seconds: still too soon.
      await client.openedSecondsAgo(attemptId, 59);
      expectErrorShape(
        (await client.submit(tree.users.workerA1, attemptId, ALL_RIGHT)).body,
        TrainingErrorCode.SubmittedTooSoon,
      );
      const attempt = await app.dataSource.getRepository(LessonAttempt).findOneByOrFail({ id: Number(attemptId) });
      expect(attempt).toEqual(
        expect.objectContaining({ submittedAt: null, clientKey: null, score: null, passed: null }),
      );

      await client.openedSecondsAgo(attemptId, 61);
      const inTime = await client.submit(tree.users.workerA1, attemptId, ALL_RIGHT);
      expect(inTime.status).toBe(200);
      expect(inTime.body.timeSpentSeconds).toBe(61);
    });
  });

  describe('idempotency', () => {
    it('answers the same client key with the same result, and another key with a conflict', async () => {
      const lesson = await publishedCityLesson();
      const attemptId = await client.studied(tree.users.workerA1, lesson.id);
      const clientKey = randomUUID();
      const first = await client.submit(
        tree.users.workerA1,
        attemptId,
        { q1: ['a'], q2: ['a'], q3: ['false'] },
        clientKey,
      );
      // A retry carries the same answers; even different ones cannot change what was recorded.
      const retry = await client.submit(tree.users.workerA1, attemptId, ALL_RIGHT, clientKey.toUpperCase());
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const another = await client.submit(tree.users.workerA1, attemptId, ALL_RIGHT);
      expect(another.status).toBe(409);
      expectErrorShape(another.body, TrainingErrorCode.AttemptAlreadySubmitted);
    });

    it('records one submission when retries race each other', async () => {
      const lesson = await publishedCityLesson();
      const attemptId = await client.studied(tree.users.workerA1, lesson.id);
      const clientKey = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => client.submit(tree.users.workerA1, attemptId, ALL_RIGHT, clientKey)),
      );
      expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200]);
      for (const result of results) expect(result.body).toEqual(results[0].body);
    });

    it('lets only one of racing submissions with different keys through', async () => {
      const lesson = await publishedCityLesson();
      const attemptId = await client.studied(tree.users.workerA1, lesson.id);
      const results = await Promise.all(
        Array.from({ length: 4 }, () => client.submit(tree.users.workerA1, attemptId, ALL_RIGHT)),
      );
      expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409, 409]);
    });

    it('refuses a key already used for another attempt', async () => {
      const lesson = await publishedCityLesson();
      const clientKey = randomUUID();
      await client.submit(
        tree.users.workerA1,
        await client.studied(tree.users.workerA1, lesson.id),
        ALL_RIGHT,
        clientKey,
      );
      const reused = await client.submit(
        tree.users.workerA1,
        await client.studied(tree.users.workerA1, lesson.id),
        ALL_RIGHT,
        clientKey,
      );
      expect(reused.status).toBe(400);
      expectErrorShape(reused.body, CommonErrorCode.ValidationFailed);
    });

    it('answers someone else’s attempt as not found', async () => {
      const lesson = await publishedCityLesson();
      const attemptId = await client.studied(tree.users.workerA1, lesson.id);
      const refused = await client.submit(tree.users.officerA1, attemptId, ALL_RIGHT);
      expect(refused.status).toBe(404);
      expectErrorShape(refused.body, CommonErrorCode.NotFound);
    });
  });

  describe('versions', () => {
    it('keeps completions on version 1 after an edit, scores an open attempt on its version, and opens version 2', async () => {
      const request = lessonRequest(tree.units.cityA.id);
      const lesson = await client.publishedLesson(tree.users.staffCityA, request);
      const clientKey = randomUUID();
      const completedId = await client.studied(tree.users.workerA1, lesson.id);
      const completion = await client.submit(tree.users.workerA1, completedId, ALL_RIGHT, clientKey);
      expect(completion.body.version).toBe(1);
      const openBeforeEdit = await client.studied(tree.users.workerA1, lesson.id);

      // Version 2 turns the true/false question round and asks something new.
      const edited = await client.call(
        'PUT',
        `/lessons/${lesson.id}`,
        tree.users.staffCityA,
        lessonUpdate(request, {
          questions: [
            ...request.questions.slice(0, 2),
            {
              id: 'q3',
              type: QuestionType.TrueFalse,
              prompt: '有限空间作业必须设专人监护。',
              options: [
                { id: 'true', text: '正确' },
                { id: 'false', text: '错误' },
              ],
              correctOptionIds: ['true'],
              explanation: '第二版解析：必须设专人监护。',
            },
          ],
        }),
      );
      expect(edited.body.version).toBe(2);

      const completionAgain = await client.submit(tree.users.workerA1, completedId, ALL_RIGHT, clientKey);
      expect(completionAgain.body).toEqual(completion.body);
      expect(completionAgain.body.questions[2].prompt).toBe(request.questions[2].prompt);

      const scoredOnVersion1 = await client.submit(tree.users.workerA1, openBeforeEdit, ALL_RIGHT);
      expect(scoredOnVersion1.body).toEqual(expect.objectContaining({ version: 1, score: 100 }));

      const fresh = await client.open(tree.users.workerA1, lesson.id);
      expect(fresh.body.version).toBe(2);
      expect(fresh.body.questions[2].prompt).toBe('有限空间作业必须设专人监护。');
      await client.openedSecondsAgo(fresh.body.id, 60);
      const onVersion2 = await client.submit(tree.users.workerA1, fresh.body.id, ALL_RIGHT);
      expect(onVersion2.body).toEqual(expect.objectContaining({ version: 2, score: 67, passed: false }));
      expect(onVersion2.body.questions[2].correctOptionIds).toEqual(['true']);
    });
  });
});
