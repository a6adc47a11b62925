/**
 * The quiz on the phone: choosing options per question type, what is still unanswered, and when
 * the quiz unlocks. Scoring is the server's alone — the phone never holds the answers.
 */
import { type LessonAttempt, type QuestionOption, QuestionType, type QuizQuestion } from '@ankang/shared';

/** Option ids chosen per question id (the body of the submission). */
export type Answers = Record<string, string[]>;

/** Single choice and true/false: the tapped option replaces the choice. Multiple choice: it toggles. */
export function choose(answers: Answers, question: QuizQuestion, optionId: string): Answers {
  if (!question.options.some((option) => option.id === optionId)) {
    return answers;
  }
  if (question.type !== QuestionType.MultipleChoice) {
    return { ...answers, [question.id]: [optionId] };
  }
  const chosen = answers[question.id] ?? [];
  const next = chosen.includes(optionId) ? chosen.filter((id) => id !== optionId) : [...chosen, optionId];
  // In the order the options are shown, whatever order they were tapped in.
  const ordered = question.options.map((option) => option.id).filter((id) => next.includes(id));
  return { ...answers, [question.id]: ordered };
}

export function isChosen(answers: Answers, questionId: string, optionId: string): boolean {
  return (answers[questionId] ?? []).includes(optionId);
}

/** The questions without an answer yet, in order. */
export function unansweredQuestions(questions: readonly QuizQuestion[], answers: Answers): QuizQuestion[] {
  return questions.filter((question) => (answers[question.id] ?? []).length === 0);
}

/** The answers of exactly these questions (nothing stale from another attempt). */
export function submissionAnswers(questions: readonly QuizQuestion[], answers: Answers): Answers {
  const result: Answers = {};
  for (const question of questions) {
    result[question.id] = [...(answers[question.id] ?? [])];
  }
  return result;
}

/** How an option reads: true/false questions say 对 and 错. */
export function optionLabel(question: Pick<QuizQuestion, 'type'>, option: QuestionOption): string {
  if (question.type === QuestionType.TrueFalse) {
    if (option.id === 'true') return '对';
    if (option.id === 'false') return '错';
  }
  return option.text;
}

/** A, B, C… before the options of choice questions. */
export function optionMark(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * When the quiz unlocks by this phone's clock: the wait the server set (submittableAt − openedAt),
 * counted from when the attempt reached the phone, so a phone clock that is off neither unlocks it
 * early nor keeps it locked. The server still has the last word (学习时间太短 → try again shortly).
 */
export function unlockTimeOf(attempt: Pick<LessonAttempt, 'openedAt' | 'submittableAt'>, receivedAt: number): number {
  const wait = Date.parse(attempt.submittableAt) - Date.parse(attempt.openedAt);
  return receivedAt + (Number.isFinite(wait) && wait > 0 ? wait : 0);
}

/** After 学习时间太短 the server is asked again this much later (its clock decides, not the phone's). */
export const TOO_SOON_RETRY_SECONDS = 5;

/** Whole seconds left until `instant` (0 once it passed). */
export function secondsUntil(instant: number, now: number): number {
  return Math.max(0, Math.ceil((instant - now) / 1000));
}

/** `45 秒`, `3 分钟`, `1 分 30 秒`. */
export function durationLabel(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest} 秒`;
  if (rest === 0) return `${minutes} 分钟`;
  return `${minutes} 分 ${rest} 秒`;
}

/** A running clock of time spent: `0:45`, `12:03`. */
export function clockLabel(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
