import {
  CommonErrorCode,
  chinaDateOf,
  LessonStatus,
  ShiftClearance,
  type SubmitAttemptRequest,
  TrainingErrorCode,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { isUniqueViolation } from '../database/unique-violation';
import { CheckInClearanceRepository } from './check-in-clearance.repository';
import type { LessonAttempt } from './lesson-attempt.entity';
import {
  type AttemptResultDto,
  type LessonAttemptDto,
  type OpenAttemptDto,
  type SubmitAttemptDto,
  submittableAt,
  toAttemptResult,
  toLessonAttempt,
} from './lesson-attempts.dto';
import { LessonAttemptsRepository } from './lesson-attempts.repository';
import type { LessonVersion } from './lesson-version.entity';
import { questionsOf } from './lessons.dto';
import { LessonsRepository } from './lessons.repository';
import { answerProblems, scoreQuiz } from './quiz-scoring';
import { WorkerLessonsService } from './worker-lessons.service';

/** What the submission's transaction wrote, and where the worker stands after it. */
interface Submitted {
  attempt: LessonAttempt;
  clearance: ShiftClearance | null;
}

/**
 * Quizzes. A worker opens a lesson they are given (the anti-skim clock starts), studies it without
 * the answers, and submits once: scored here against the version they opened, refused when sooner
 * than half the lesson's duration, the same client key answered with the same result. A pass on a
 * check-in's lesson clears the worker for the shift in the same transaction.
 */
@Injectable()
export class LessonAttemptsService {
  constructor(
    private readonly attempts: LessonAttemptsRepository,
    private readonly lessons: LessonsRepository,
    private readonly workers: WorkerLessonsService,
    private readonly checkIns: CheckInClearanceRepository,
  ) {}

  async open(scope: Scope, lessonId: number, body: OpenAttemptDto): Promise<LessonAttemptDto> {
    const worker = await this.workers.workerOf(scope.userId);
    const lesson = await this.lessons.findByIdWithOwner(lessonId);
    // A lesson the worker is not given is answered like one that does not exist.
    if (
      !worker ||
      !lesson?.owner ||
      lesson.status !== LessonStatus.Published ||
      !this.workers.reaches(worker, lesson.owner)
    ) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    const now = new Date();
    const checkInId = body.checkInId === undefined ? null : Number(body.checkInId);
    if (checkInId !== null) await this.assertUsableCheckIn(scope.userId, checkInId, now);
    const version = await this.lessons.findVersion(lesson.id, lesson.currentVersion);
    if (!version) throw new Error(`Lesson ${lesson.id} has no version ${lesson.currentVersion}`);
    const attempt = await this.attempts.insertOpened({
      userId: scope.userId,
      lessonId: lesson.id,
      lessonVersionId: version.id,
      checkInId,
      openedAt: now,
    });
    return toLessonAttempt(attempt, version);
  }

  async submit(scope: Scope, attemptId: number, body: SubmitAttemptDto): Promise<AttemptResultDto> {
    const attempt = await this.findOwnedOrFail(scope.userId, attemptId);
    const version = await this.versionOf(attempt);
    if (attempt.submittedAt) return this.resubmitted(attempt, version, body);

    const questions = questionsOf(version);
    const problems = answerProblems(questions, body.answers);
    if (problems.length > 0) throw new AppException(TrainingErrorCode.AnswerInvalid, problems);
    const now = new Date();
    if (now.getTime() < submittableAt(attempt.openedAt, version.durationSeconds).getTime()) {
      throw new AppException(TrainingErrorCode.SubmittedTooSoon);
    }
    const earlier = await this.attempts.findByClientKey(scope.userId, body.clientKey);
    if (earlier && earlier.id !== attempt.id) throw clientKeyTaken();

    const scored = scoreQuiz(questions, body.answers, version.passMark);
    let submitted: Submitted | null;
    try {
      submitted = await this.attempts.transaction(async (manager): Promise<Submitted | null> => {
        const locked = await this.attempts.lockById(manager, attempt.id);
        if (!locked) throw new AppException(CommonErrorCode.NotFound);
        // A parallel submission of the same attempt got here first.
        if (locked.submittedAt) return null;
        const submission = {
          submittedAt: now,
          clientKey: body.clientKey,
          answers: JSON.stringify(body.answers),
          results: JSON.stringify(scored.questions),
          score: scored.score,
          passed: scored.passed,
          timeSpentSeconds: Math.floor((now.getTime() - attempt.openedAt.getTime()) / 1000),
        };
        await this.attempts.markSubmitted(manager, attempt.id, submission);
        const written = Object.assign(locked, submission);
        if (locked.checkInId === null) return { attempt: written, clearance: null };
        if (scored.passed) await this.checkIns.clearPending(manager, locked.checkInId, attempt.id, now);
        return { attempt: written, clearance: await this.checkIns.clearanceOf(locked.checkInId, manager) };
      });
    } catch (error) {
      // Another attempt of the person took this client key meanwhile.
      if (isUniqueViolation(error)) throw clientKeyTaken();
      throw error;
    }
    if (submitted === null) return this.resubmitted(await this.findOwnedOrFail(scope.userId, attemptId), version, body);
    return toAttemptResult(submitted.attempt, version, submitted.clearance);
  }

  /** A submitted attempt again: the same key is a retry, answered alike; another key is a second try. */
  private async resubmitted(
    attempt: LessonAttempt,
    version: LessonVersion,
    body: SubmitAttemptRequest,
  ): Promise<AttemptResultDto> {
    if (attempt.clientKey !== body.clientKey) throw new AppException(TrainingErrorCode.AttemptAlreadySubmitted);
    const clearance = attempt.checkInId === null ? null : await this.checkIns.clearanceOf(attempt.checkInId);
    return toAttemptResult(attempt, version, clearance);
  }

  /** The caller's own check-in of today, declared fit (waiting for its lesson or already cleared). */
  private async assertUsableCheckIn(userId: number, checkInId: number, now: Date): Promise<void> {
    const checkIn = await this.checkIns.findOwned(userId, checkInId);
    if (!checkIn || checkIn.day !== chinaDateOf(now) || checkIn.clearance === ShiftClearance.NotCleared) {
      throw new AppException(TrainingErrorCode.CheckInNotUsable);
    }
  }

  private async findOwnedOrFail(userId: number, id: number): Promise<LessonAttempt> {
    const attempt = await this.attempts.findOwned(userId, id);
    if (!attempt) throw new AppException(CommonErrorCode.NotFound);
    return attempt;
  }

  private async versionOf(attempt: LessonAttempt): Promise<LessonVersion> {
    const [version] = await this.lessons.findVersionsByIds([attempt.lessonVersionId]);
    if (!version) throw new Error(`Attempt ${attempt.id} names a missing version ${attempt.lessonVersionId}`);
    return version;
  }
}

function clientKeyTaken(): AppException {
  return new AppException(CommonErrorCode.ValidationFailed, [
    { field: 'clientKey', message: '该提交标识已用于另一次答题，请重新提交' },
  ]);
}
