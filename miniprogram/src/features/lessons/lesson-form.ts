/**
 * The lesson editor's form: its state, the rules checked on the phone before saving (the same as
 * the server's, which has the last word and names fields the same way, e.g.
 * `questions[2].correctOptionIds`), and the edits of questions and options.
 */
import {
  type AuthoredQuestion,
  type CreateLessonRequest,
  type Industry,
  LESSON_BODY_MAX_LENGTH,
  LESSON_DURATION_MAX_SECONDS,
  LESSON_DURATION_MIN_SECONDS,
  LESSON_QUESTIONS_MAX,
  LESSON_QUESTIONS_MIN,
  LESSON_TITLE_MAX_LENGTH,
  type LessonContent,
  type LessonDetail,
  type LessonTopic,
  QUESTION_OPTIONS_MAX,
  type QuestionOption,
  QuestionType,
  type WorkerGroup,
} from '@ankang/shared';
import { fieldErrorsOf } from '../../api/errors';

export const QUESTION_OPTIONS_MIN = 2;
export const PASS_MARK_DEFAULT = 80;
export const DURATION_DEFAULT_SECONDS = 180;
const VIDEO_URL_MAX_LENGTH = 500;
const OPTION_IDS = 'abcdefghijklmnopqrstuvwxyz';
const TRUE_FALSE_OPTIONS: readonly QuestionOption[] = [
  { id: 'true', text: '对' },
  { id: 'false', text: '错' },
];

export interface LessonImageDraft {
  id: string;
  /** Behind the bearer token. */
  url: string;
}

export interface QuestionDraft {
  id: string;
  type: QuestionType;
  prompt: string;
  options: QuestionOption[];
  correctOptionIds: string[];
  explanation: string;
}

export interface LessonForm {
  /** New lessons only: the union or enterprise it belongs to. */
  ownerOrgUnitId: string | null;
  title: string;
  topic: LessonTopic | null;
  bodyHtml: string;
  images: LessonImageDraft[];
  videoUrl: string;
  /** As typed (seconds). */
  durationSeconds: string;
  workerGroups: WorkerGroup[];
  industries: Industry[];
  /** As typed (percent). */
  passMark: string;
  questions: QuestionDraft[];
}

/** Messages by field, named like the server's validation details. */
export type LessonFormErrors = Record<string, string>;

function characterCount(text: string): number {
  return [...text].length;
}

export function questionField(index: number, field: keyof AuthoredQuestion): string {
  return `questions[${index}].${field}`;
}

function nextQuestionId(questions: readonly QuestionDraft[]): string {
  const taken = new Set(questions.map((question) => question.id));
  let number = questions.length + 1;
  while (taken.has(`q${number}`)) {
    number += 1;
  }
  return `q${number}`;
}

function nextOptionId(options: readonly QuestionOption[]): string {
  const taken = new Set(options.map((option) => option.id));
  return [...OPTION_IDS].find((id) => !taken.has(id)) ?? `o${options.length + 1}`;
}

function choiceOptions(count: number): QuestionOption[] {
  return [...OPTION_IDS.slice(0, count)].map((id) => ({ id, text: '' }));
}

export function newQuestion(
  questions: readonly QuestionDraft[],
  type: QuestionType = QuestionType.SingleChoice,
): QuestionDraft {
  return {
    id: nextQuestionId(questions),
    type,
    prompt: '',
    options: type === QuestionType.TrueFalse ? TRUE_FALSE_OPTIONS.map((option) => ({ ...option })) : choiceOptions(4),
    correctOptionIds: [],
    explanation: '',
  };
}

export function emptyLessonForm(ownerOrgUnitId: string | null = null): LessonForm {
  return {
    ownerOrgUnitId,
    title: '',
    topic: null,
    bodyHtml: '',
    images: [],
    videoUrl: '',
    durationSeconds: String(DURATION_DEFAULT_SECONDS),
    workerGroups: [],
    industries: [],
    passMark: String(PASS_MARK_DEFAULT),
    questions: [newQuestion([])],
  };
}

/** The form of a saved lesson (images paired with the URLs the server gave them). */
export function lessonFormOf(detail: LessonDetail): LessonForm {
  return {
    ownerOrgUnitId: detail.owner.id,
    title: detail.title,
    topic: detail.topic,
    bodyHtml: detail.bodyHtml,
    images: detail.imageIds.map((id, index) => ({ id, url: detail.imageUrls[index] ?? '' })),
    videoUrl: detail.videoUrl ?? '',
    durationSeconds: String(detail.durationSeconds),
    workerGroups: [...detail.workerGroups],
    industries: [...detail.industries],
    passMark: String(detail.passMark),
    questions: detail.questions.map((question) => ({
      id: question.id,
      type: question.type,
      prompt: question.prompt,
      options: question.options.map((option) => ({ ...option })),
      correctOptionIds: [...question.correctOptionIds],
      explanation: question.explanation,
    })),
  };
}

/** A whole number typed into a field, or null. */
function wholeNumber(text: string): number | null {
  const value = text.trim();
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

function validateQuestion(question: QuestionDraft, index: number, errors: LessonFormErrors): void {
  if (question.prompt.trim() === '') {
    errors[questionField(index, 'prompt')] = '请填写题目';
  }
  const options = question.options;
  const correct = question.correctOptionIds.filter((id) => options.some((option) => option.id === id));
  if (question.type === QuestionType.TrueFalse) {
    const ids = options.map((option) => option.id).sort();
    if (ids.length !== 2 || ids[0] !== 'false' || ids[1] !== 'true') {
      errors[questionField(index, 'options')] = '判断题只有“对”和“错”两个选项';
    }
    if (correct.length !== 1) {
      errors[questionField(index, 'correctOptionIds')] = '请选择正确答案：对或错';
    }
  } else {
    if (options.length < QUESTION_OPTIONS_MIN || options.length > QUESTION_OPTIONS_MAX) {
      errors[questionField(index, 'options')] = `选项需要 ${QUESTION_OPTIONS_MIN}～${QUESTION_OPTIONS_MAX} 个`;
    } else if (options.some((option) => option.text.trim() === '')) {
      errors[questionField(index, 'options')] = '请填写每个选项的内容，用不到的选项请删除';
    } else if (new Set(options.map((option) => option.text.trim())).size !== options.length) {
      errors[questionField(index, 'options')] = '选项内容不能重复';
    }
    if (question.type === QuestionType.SingleChoice && correct.length !== 1) {
      errors[questionField(index, 'correctOptionIds')] = '单选题请标出唯一的正确答案';
    }
    if (question.type === QuestionType.MultipleChoice && correct.length === 0) {
      errors[questionField(index, 'correctOptionIds')] = '多选题请至少标出一个正确答案';
    }
  }
  if (question.explanation.trim() === '') {
    errors[questionField(index, 'explanation')] = '请填写答案解析：答完题后职工会看到';
  }
}

/** What is wrong with the form, by field (empty when it may be saved). */
export function validateLesson(form: LessonForm, options: { creating: boolean }): LessonFormErrors {
  const errors: LessonFormErrors = {};
  if (options.creating && !form.ownerOrgUnitId) {
    errors.ownerOrgUnitId = '请选择课程所属的工会或企业';
  }
  const title = form.title.trim();
  if (title === '') {
    errors.title = '请填写课程标题';
  } else if (characterCount(title) > LESSON_TITLE_MAX_LENGTH) {
    errors.title = `标题不能超过 ${LESSON_TITLE_MAX_LENGTH} 字`;
  }
  if (!form.topic) {
    errors.topic = '请选择课程主题';
  }
  if (form.bodyHtml.replace(/<[^>]*>/g, '').trim() === '') {
    errors.bodyHtml = '请填写课程正文';
  } else if (form.bodyHtml.length > LESSON_BODY_MAX_LENGTH) {
    errors.bodyHtml = `正文不能超过 ${LESSON_BODY_MAX_LENGTH} 个字符（含格式标记）`;
  }
  const video = form.videoUrl.trim();
  if (video !== '' && (!/^https:\/\/[^\s/?#]+\.[^\s]+$/i.test(video) || video.length > VIDEO_URL_MAX_LENGTH)) {
    errors.videoUrl = '视频地址须以 https:// 开头的完整网址';
  }
  const duration = wholeNumber(form.durationSeconds);
  if (duration === null || duration < LESSON_DURATION_MIN_SECONDS || duration > LESSON_DURATION_MAX_SECONDS) {
    errors.durationSeconds = `学习时长为 ${LESSON_DURATION_MIN_SECONDS}～${LESSON_DURATION_MAX_SECONDS} 秒的整数`;
  }
  const passMark = wholeNumber(form.passMark);
  if (passMark === null || passMark < 1 || passMark > 100) {
    errors.passMark = '及格线为 1～100 的整数';
  }
  if (form.questions.length < LESSON_QUESTIONS_MIN || form.questions.length > LESSON_QUESTIONS_MAX) {
    errors.questions = `题目需要 ${LESSON_QUESTIONS_MIN}～${LESSON_QUESTIONS_MAX} 道`;
  }
  for (const [index, question] of form.questions.entries()) {
    validateQuestion(question, index, errors);
  }
  return errors;
}

/** The content to save (call after validateLesson found nothing). */
export function lessonContentOf(form: LessonForm): LessonContent {
  const video = form.videoUrl.trim();
  return {
    title: form.title.trim(),
    topic: form.topic as LessonTopic,
    bodyHtml: form.bodyHtml.trim(),
    imageIds: form.images.map((image) => image.id),
    videoUrl: video === '' ? null : video,
    durationSeconds: Number(form.durationSeconds.trim()),
    workerGroups: [...form.workerGroups],
    industries: [...form.industries],
    passMark: Number(form.passMark.trim()),
    questions: form.questions.map((question) => ({
      id: question.id,
      type: question.type,
      prompt: question.prompt.trim(),
      options: question.options.map((option) => ({ id: option.id, text: option.text.trim() })),
      // In the options' order, only ids that exist.
      correctOptionIds: question.options
        .map((option) => option.id)
        .filter((id) => question.correctOptionIds.includes(id)),
      explanation: question.explanation.trim(),
    })),
  };
}

export function createRequestOf(form: LessonForm): CreateLessonRequest {
  return { ...lessonContentOf(form), ownerOrgUnitId: form.ownerOrgUnitId ?? '' };
}

/** Field errors the server sent back (`details: [{field, message}]`). */
export function serverLessonErrors(details: unknown): LessonFormErrors {
  return fieldErrorsOf(details);
}

// ── Editing questions ──

export function addQuestion(questions: readonly QuestionDraft[], type?: QuestionType): QuestionDraft[] {
  if (questions.length >= LESSON_QUESTIONS_MAX) {
    return [...questions];
  }
  return [...questions, newQuestion(questions, type)];
}

export function removeQuestion(questions: readonly QuestionDraft[], index: number): QuestionDraft[] {
  return questions.filter((_, position) => position !== index);
}

/** Moves a question up (-1) or down (+1); out of range leaves the order as it was. */
export function moveQuestion(questions: readonly QuestionDraft[], index: number, step: -1 | 1): QuestionDraft[] {
  const target = index + step;
  if (index < 0 || index >= questions.length || target < 0 || target >= questions.length) {
    return [...questions];
  }
  const next = [...questions];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/**
 * Another type for a question: single ↔ multiple keep the options (single keeps only the first
 * correct one); to true/false the options become 对/错; from true/false four empty options.
 */
export function changeQuestionType(question: QuestionDraft, type: QuestionType): QuestionDraft {
  if (type === question.type) {
    return question;
  }
  if (type === QuestionType.TrueFalse) {
    return { ...question, type, options: TRUE_FALSE_OPTIONS.map((option) => ({ ...option })), correctOptionIds: [] };
  }
  if (question.type === QuestionType.TrueFalse) {
    return { ...question, type, options: choiceOptions(4), correctOptionIds: [] };
  }
  const correct =
    type === QuestionType.SingleChoice ? question.correctOptionIds.slice(0, 1) : [...question.correctOptionIds];
  return { ...question, type, correctOptionIds: correct };
}

export function addOption(question: QuestionDraft): QuestionDraft {
  if (question.type === QuestionType.TrueFalse || question.options.length >= QUESTION_OPTIONS_MAX) {
    return question;
  }
  return { ...question, options: [...question.options, { id: nextOptionId(question.options), text: '' }] };
}

export function removeOption(question: QuestionDraft, optionId: string): QuestionDraft {
  if (question.type === QuestionType.TrueFalse) {
    return question;
  }
  return {
    ...question,
    options: question.options.filter((option) => option.id !== optionId),
    correctOptionIds: question.correctOptionIds.filter((id) => id !== optionId),
  };
}

export function setOptionText(question: QuestionDraft, optionId: string, text: string): QuestionDraft {
  return {
    ...question,
    options: question.options.map((option) => (option.id === optionId ? { ...option, text } : option)),
  };
}

/** Marks an option correct: single choice and true/false have one; multiple choice toggles. */
export function markCorrect(question: QuestionDraft, optionId: string): QuestionDraft {
  if (!question.options.some((option) => option.id === optionId)) {
    return question;
  }
  if (question.type !== QuestionType.MultipleChoice) {
    return { ...question, correctOptionIds: [optionId] };
  }
  const on = question.correctOptionIds.includes(optionId);
  return {
    ...question,
    correctOptionIds: on
      ? question.correctOptionIds.filter((id) => id !== optionId)
      : [...question.correctOptionIds, optionId],
  };
}
