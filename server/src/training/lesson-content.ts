import {
  type AuthoredQuestion,
  type FieldError,
  Industry,
  LESSON_BODY_MAX_LENGTH,
  LESSON_DURATION_MAX_SECONDS,
  LESSON_DURATION_MIN_SECONDS,
  LESSON_IMAGES_MAX,
  LESSON_QUESTIONS_MAX,
  LESSON_QUESTIONS_MIN,
  LESSON_TITLE_MAX_LENGTH,
  LESSON_VIDEO_URL_MAX_LENGTH,
  type LessonContent,
  LessonTopic,
  QUESTION_EXPLANATION_MAX_LENGTH,
  QUESTION_OPTION_TEXT_MAX_LENGTH,
  QUESTION_OPTIONS_MAX,
  QUESTION_OPTIONS_MIN,
  QUESTION_PROMPT_MAX_LENGTH,
  QuestionType,
  WorkerGroup,
} from '@ankang/shared';
import { RECORD_ID_PATTERN } from '../common/record-id';
import { lessonHtmlText, sanitizeLessonHtml } from './lesson-html';

/**
 * What makes a lesson's content acceptable, as one pure function: the API refuses content with
 * problems, and the seed checks its demo lessons with the same rules. Lengths count characters
 * (code points), as MariaDB's columns do.
 */

/** Question and option ids: short, and never a name JavaScript objects treat specially (`__proto__`). */
export const CONTENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;
/** The true/false options, in this order. */
export const TRUE_FALSE_OPTION_IDS = ['true', 'false'] as const;
/** What the body may take in UTF-8 bytes once sanitised: what a TEXT column holds. */
export const LESSON_BODY_MAX_BYTES = 65_000;

const TOPICS = new Set<string>(Object.values(LessonTopic));
const GROUPS = new Set<string>(Object.values(WorkerGroup));
const INDUSTRIES = new Set<string>(Object.values(Industry));
const QUESTION_TYPES = new Set<string>(Object.values(QuestionType));

/** Every problem of the content, each naming its field (`questions[2].correctOptionIds`); empty when it is fine. */
export function lessonContentProblems(content: LessonContent): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  textProblem('title', content.title, LESSON_TITLE_MAX_LENGTH, add);
  if (!TOPICS.has(content.topic)) add('topic', '课程类别不在允许范围内');
  bodyProblems(content, add);
  imageIdProblems(content.imageIds, add);
  videoUrlProblem(content.videoUrl, add);
  integerProblem(
    'durationSeconds',
    content.durationSeconds,
    LESSON_DURATION_MIN_SECONDS,
    LESSON_DURATION_MAX_SECONDS,
    `学习时长必须是 ${LESSON_DURATION_MIN_SECONDS} 到 ${LESSON_DURATION_MAX_SECONDS} 秒之间的整数`,
    add,
  );
  enumListProblems('workerGroups', content.workerGroups, GROUPS, '职工群体', add);
  enumListProblems('industries', content.industries, INDUSTRIES, '行业', add);
  integerProblem('passMark', content.passMark, 1, 100, '及格分必须是 1 到 100 之间的整数', add);
  questionsProblems(content.questions, add);
  return problems;
}

/** True when every problem is about the questions (then the API answers TRAINING_QUESTION_INVALID). */
export function onlyQuestionProblems(problems: readonly FieldError[]): boolean {
  return problems.length > 0 && problems.every((problem) => problem.field.startsWith('questions'));
}

/**
 * The content as it is stored: text trimmed, the body sanitised, lists without repeats. Call it on
 * content without problems.
 */
export function normalizedLessonContent(content: LessonContent): LessonContent {
  return {
    title: content.title.trim(),
    topic: content.topic,
    bodyHtml: sanitizeLessonHtml(content.bodyHtml).trim(),
    imageIds: [...content.imageIds],
    videoUrl: content.videoUrl === null ? null : content.videoUrl.trim(),
    durationSeconds: content.durationSeconds,
    workerGroups: [...new Set(content.workerGroups)],
    industries: [...new Set(content.industries)],
    passMark: content.passMark,
    questions: content.questions.map(normalizedQuestion),
  };
}

function normalizedQuestion(question: AuthoredQuestion): AuthoredQuestion {
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt.trim(),
    options: question.options.map((option) => ({ id: option.id, text: option.text.trim() })),
    correctOptionIds: [...new Set(question.correctOptionIds)],
    explanation: question.explanation.trim(),
  };
}

type Add = (field: string, message: string) => void;

function characters(value: string): number {
  return [...value].length;
}

const SINGLE_LINE_TEXT = /^[^\p{C}]*$/u;
const MULTI_LINE_TEXT = /^(?:[^\p{C}]|\r?\n)*$/u;

/** Required text: present, not blank, at most `max` characters, no control characters (line breaks where allowed). */
function textProblem(field: string, value: unknown, max: number, add: Add, multiLine = false): void {
  if (typeof value !== 'string' || value.trim() === '') {
    add(field, '不能为空');
  } else if (characters(value.trim()) > max) {
    add(field, `长度不能超过 ${max} 个字符`);
  } else if (!(multiLine ? MULTI_LINE_TEXT : SINGLE_LINE_TEXT).test(value.trim())) {
    add(field, multiLine ? '不能包含控制字符' : '不能包含换行或控制字符');
  }
}

function integerProblem(field: string, value: unknown, min: number, max: number, message: string, add: Add): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) add(field, message);
}

function bodyProblems(content: LessonContent, add: Add): void {
  const body: unknown = content.bodyHtml;
  if (typeof body !== 'string') {
    add('bodyHtml', '必须是文本');
    return;
  }
  if (characters(body) > LESSON_BODY_MAX_LENGTH) {
    add('bodyHtml', `正文不能超过 ${LESSON_BODY_MAX_LENGTH} 个字符`);
    return;
  }
  const sanitized = sanitizeLessonHtml(body);
  if (Buffer.byteLength(sanitized, 'utf8') > LESSON_BODY_MAX_BYTES) {
    add('bodyHtml', '正文过长，请精简后再保存');
  } else if (lessonHtmlText(sanitized) === '' && (content.videoUrl === null || content.videoUrl === undefined)) {
    add('bodyHtml', '请填写课程正文（或提供教学视频）');
  }
}

function imageIdProblems(imageIds: unknown, add: Add): void {
  if (!Array.isArray(imageIds)) {
    add('imageIds', '必须是图片编号的列表');
    return;
  }
  if (imageIds.length > LESSON_IMAGES_MAX) add('imageIds', `最多 ${LESSON_IMAGES_MAX} 张图片`);
  const seen = new Set<string>();
  imageIds.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || !RECORD_ID_PATTERN.test(id)) {
      add(`imageIds[${index}]`, '图片编号格式不正确');
    } else if (seen.has(id)) {
      add(`imageIds[${index}]`, '图片重复');
    }
    if (typeof id === 'string') seen.add(id);
  });
}

function videoUrlProblem(videoUrl: unknown, add: Add): void {
  if (videoUrl === null) return;
  if (typeof videoUrl !== 'string' || videoUrl.trim() === '') {
    add('videoUrl', '视频地址不能为空；没有视频时请不填');
    return;
  }
  const text = videoUrl.trim();
  if (characters(text) > LESSON_VIDEO_URL_MAX_LENGTH) {
    add('videoUrl', `视频地址不能超过 ${LESSON_VIDEO_URL_MAX_LENGTH} 个字符`);
    return;
  }
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  // https only: the mini program plays nothing else, and a `javascript:` or `data:` URL is never a video.
  if (url?.protocol !== 'https:' || url.hostname === '' || /\s/.test(text)) {
    add('videoUrl', '视频地址必须是 https:// 开头的完整网址');
  } else if (url.username !== '' || url.password !== '') {
    add('videoUrl', '视频地址不能包含账号或密码');
  }
}

function enumListProblems(field: string, values: unknown, allowed: Set<string>, label: string, add: Add): void {
  if (!Array.isArray(values)) {
    add(field, `必须是${label}的列表`);
    return;
  }
  const seen = new Set<unknown>();
  values.forEach((value: unknown, index) => {
    if (typeof value !== 'string' || !allowed.has(value)) add(`${field}[${index}]`, `${label}不在允许范围内`);
    else if (seen.has(value)) add(`${field}[${index}]`, `${label}重复`);
    seen.add(value);
  });
}

function questionsProblems(questions: unknown, add: Add): void {
  if (!Array.isArray(questions)) {
    add('questions', '必须是题目的列表');
    return;
  }
  if (questions.length < LESSON_QUESTIONS_MIN || questions.length > LESSON_QUESTIONS_MAX) {
    add('questions', `每节课需要 ${LESSON_QUESTIONS_MIN} 到 ${LESSON_QUESTIONS_MAX} 道题`);
  }
  const ids = new Set<string>();
  questions.forEach((question: unknown, index) => {
    const field = `questions[${index}]`;
    if (typeof question !== 'object' || question === null) {
      add(field, '题目格式不正确');
      return;
    }
    const { id } = question as Partial<AuthoredQuestion>;
    if (typeof id !== 'string' || !CONTENT_ID_PATTERN.test(id)) {
      add(`${field}.id`, '题目编号只能由字母、数字、- 和 _ 组成，以字母或数字开头，最长 20 个字符');
    } else if (ids.has(id)) {
      add(`${field}.id`, '题目编号重复');
    } else {
      ids.add(id);
    }
    questionProblems(question as Partial<AuthoredQuestion>, field, add);
  });
}

function questionProblems(question: Partial<AuthoredQuestion>, field: string, add: Add): void {
  const type = question.type;
  if (typeof type !== 'string' || !QUESTION_TYPES.has(type)) add(`${field}.type`, '题型不在允许范围内');
  textProblem(`${field}.prompt`, question.prompt, QUESTION_PROMPT_MAX_LENGTH, add, true);
  textProblem(`${field}.explanation`, question.explanation, QUESTION_EXPLANATION_MAX_LENGTH, add, true);

  const options = question.options;
  if (!Array.isArray(options)) {
    add(`${field}.options`, '必须是选项的列表');
    return;
  }
  const optionIds: string[] = [];
  options.forEach((option: unknown, index) => {
    const optionField = `${field}.options[${index}]`;
    if (typeof option !== 'object' || option === null) {
      add(optionField, '选项格式不正确');
      return;
    }
    const { id, text } = option as { id?: unknown; text?: unknown };
    if (typeof id !== 'string' || !CONTENT_ID_PATTERN.test(id)) {
      add(`${optionField}.id`, '选项编号只能由字母、数字、- 和 _ 组成，以字母或数字开头，最长 20 个字符');
    } else if (optionIds.includes(id)) {
      add(`${optionField}.id`, '选项编号重复');
    } else {
      optionIds.push(id);
    }
    textProblem(`${optionField}.text`, text, QUESTION_OPTION_TEXT_MAX_LENGTH, add);
  });

  if (type === QuestionType.TrueFalse) {
    const exact =
      options.length === TRUE_FALSE_OPTION_IDS.length && TRUE_FALSE_OPTION_IDS.every((id) => optionIds.includes(id));
    if (!exact) add(`${field}.options`, '判断题的选项必须恰好是 true 和 false');
  } else if (options.length < QUESTION_OPTIONS_MIN || options.length > QUESTION_OPTIONS_MAX) {
    add(`${field}.options`, `选择题需要 ${QUESTION_OPTIONS_MIN} 到 ${QUESTION_OPTIONS_MAX} 个选项`);
  }

  const correct = question.correctOptionIds;
  const correctField = `${field}.correctOptionIds`;
  if (!Array.isArray(correct) || correct.some((id) => typeof id !== 'string')) {
    add(correctField, '必须是正确选项编号的列表');
    return;
  }
  if (new Set(correct).size !== correct.length) {
    add(correctField, '正确选项重复');
  } else if (correct.some((id) => !optionIds.includes(id))) {
    add(correctField, '正确选项必须是本题的选项之一');
  } else if (type === QuestionType.MultipleChoice) {
    if (correct.length < 1) add(correctField, '多选题至少要有一个正确选项');
  } else if (correct.length !== 1) {
    add(
      correctField,
      type === QuestionType.TrueFalse ? '判断题必须有且只有一个正确答案' : '单选题必须有且只有一个正确选项',
    );
  }
}
