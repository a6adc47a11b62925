import { type AuthoredQuestion, type FieldError, QuestionType } from '@ankang/shared';

/** One question's outcome, as an attempt keeps it (spaced repetition reads the wrong ones). */
export interface QuestionScore {
  questionId: string;
  chosenOptionIds: string[];
  /** 0–1. */
  score: number;
  correct: boolean;
}

export interface QuizScore {
  /** Percent, 0–100. */
  score: number;
  passed: boolean;
  questions: QuestionScore[];
}

/**
 * What is wrong with a worker's answers to the questions, field by field (`answers.q2`): every
 * question answered, with option ids of that question, no option twice, exactly one for single choice
 * and true/false, at least one for multiple choice, and no answers to questions that are not there.
 */
export function answerProblems(questions: readonly AuthoredQuestion[], answers: unknown): FieldError[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ field: 'answers', message: '必须按题目编号给出所选选项' }];
  }
  const problems: FieldError[] = [];
  const known = new Set(questions.map((question) => question.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ field: `answers.${key}`, message: '没有这道题' });
  }
  for (const question of questions) {
    const field = `answers.${question.id}`;
    const chosen: unknown = Object.hasOwn(answers, question.id)
      ? (answers as Record<string, unknown>)[question.id]
      : undefined;
    if (chosen === undefined) {
      problems.push({ field, message: '这道题还没有作答' });
      continue;
    }
    if (!Array.isArray(chosen) || chosen.some((id) => typeof id !== 'string')) {
      problems.push({ field, message: '必须是所选选项编号的列表' });
      continue;
    }
    const optionIds = new Set(question.options.map((option) => option.id));
    if (chosen.some((id: string) => !optionIds.has(id))) {
      problems.push({ field, message: '所选选项不属于这道题' });
    } else if (new Set(chosen).size !== chosen.length) {
      problems.push({ field, message: '同一个选项选了两次' });
    } else if (question.type === QuestionType.MultipleChoice ? chosen.length < 1 : chosen.length !== 1) {
      problems.push({
        field,
        message: question.type === QuestionType.MultipleChoice ? '多选题至少选择一项' : '这道题只能选择一项',
      });
    }
  }
  return problems;
}

/**
 * Scores valid answers (see answerProblems) against the questions with their answers. Single choice
 * and true/false: 1 or 0. Multiple choice: 0 when any chosen option is wrong, else the share of the
 * correct options chosen — partial credit for an answer that is right as far as it goes. The score is
 * the percentage of the points, rounded; passed when it reaches the pass mark.
 */
export function scoreQuiz(
  questions: readonly AuthoredQuestion[],
  answers: Readonly<Record<string, readonly string[]>>,
  passMark: number,
): QuizScore {
  const scored = questions.map((question): QuestionScore => {
    const chosen = [...(Object.hasOwn(answers, question.id) ? answers[question.id] : [])];
    const score = questionScore(question, chosen);
    return { questionId: question.id, chosenOptionIds: chosen, score, correct: score === 1 };
  });
  const points = scored.reduce((sum, question) => sum + question.score, 0);
  const score = questions.length === 0 ? 0 : Math.round((100 * points) / questions.length);
  return { score, passed: score >= passMark, questions: scored };
}

function questionScore(question: AuthoredQuestion, chosen: readonly string[]): number {
  const correct = new Set(question.correctOptionIds);
  if (question.type !== QuestionType.MultipleChoice) {
    return chosen.length === 1 && correct.has(chosen[0]) ? 1 : 0;
  }
  if (chosen.length === 0 || chosen.some((id) => !correct.has(id))) return 0;
  return new Set(chosen).size / correct.size;
}
