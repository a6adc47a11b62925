import { addChinaDays, chinaDateOf, LessonReason } from '@ankang/shared';

/** A lesson required of the worker and not yet passed. */
export interface RequiredLesson {
  lessonId: number;
  /** The earliest due date of the assignments that reach the worker; null when required by targeting alone. */
  dueOn: string | null;
  firstPublishedAt: Date;
}

/** A lesson the worker has passed, with how their latest go at it went. */
export interface CompletedLesson {
  lessonId: number;
  /** The latest submission (passed or not) on any version. */
  latestSubmittedAt: Date;
  /** Whether that latest submission got any question less than fully right. */
  latestHadMistakes: boolean;
}

export interface TodaysLessonChoice {
  lessonId: number;
  reason: LessonReason;
}

/** Lessons gone over within this many China days (today included) rest while others are due a refresh. */
export const REFRESHER_REST_DAYS = 3;

/** Required lessons in the order to take them: earliest due date first (undated last), then oldest published. */
export function orderRequired(required: readonly RequiredLesson[]): RequiredLesson[] {
  return [...required].sort(
    (left, right) =>
      compareDueDates(left.dueOn, right.dueOn) ||
      left.firstPublishedAt.getTime() - right.firstPublishedAt.getTime() ||
      left.lessonId - right.lessonId,
  );
}

/**
 * Refreshers by spaced repetition: lessons whose latest go had mistakes first, then the ones gone over
 * longest ago. Lessons gone over in the last REFRESHER_REST_DAYS China days are left out, unless
 * nothing else is left.
 */
export function orderRefreshers(completed: readonly CompletedLesson[], today: string): CompletedLesson[] {
  const ordered = [...completed].sort(
    (left, right) =>
      Number(right.latestHadMistakes) - Number(left.latestHadMistakes) ||
      left.latestSubmittedAt.getTime() - right.latestSubmittedAt.getTime() ||
      left.lessonId - right.lessonId,
  );
  const restingFrom = addChinaDays(today, -(REFRESHER_REST_DAYS - 1));
  const rested = ordered.filter((lesson) => chinaDateOf(lesson.latestSubmittedAt) < restingFrom);
  return rested.length > 0 ? rested : ordered;
}

/** Today's lesson: the first required one, else the first refresher, else none. */
export function chooseTodaysLesson(
  required: readonly RequiredLesson[],
  completed: readonly CompletedLesson[],
  today: string,
): TodaysLessonChoice | null {
  const [next] = orderRequired(required);
  if (next) return { lessonId: next.lessonId, reason: LessonReason.Required };
  const [refresher] = orderRefreshers(completed, today);
  return refresher ? { lessonId: refresher.lessonId, reason: LessonReason.Refresher } : null;
}

function compareDueDates(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return left < right ? -1 : 1;
}
