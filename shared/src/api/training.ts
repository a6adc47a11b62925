import type {
  Industry,
  LessonReason,
  LessonStatus,
  LessonTopic,
  QuestionType,
  ShiftClearance,
  WorkerGroup,
} from '../enums';
import type { PageQuery } from './common';
import type { OrgUnitReference } from './org';

export const LESSON_TITLE_MAX_LENGTH = 60;
export const LESSON_BODY_MAX_LENGTH = 20_000;
export const LESSON_DURATION_MIN_SECONDS = 30;
export const LESSON_DURATION_MAX_SECONDS = 1800;
export const LESSON_QUESTIONS_MIN = 1;
export const LESSON_QUESTIONS_MAX = 10;
export const QUESTION_OPTIONS_MAX = 6;
export const QUESTION_OPTIONS_MIN = 2;
export const QUESTION_PROMPT_MAX_LENGTH = 200;
export const QUESTION_OPTION_TEXT_MAX_LENGTH = 100;
export const QUESTION_EXPLANATION_MAX_LENGTH = 500;
export const LESSON_IMAGES_MAX = 9;
export const LESSON_VIDEO_URL_MAX_LENGTH = 500;
/** The worker's own words for other symptoms at check-in. */
export const OTHER_SYMPTOMS_MAX_LENGTH = 200;
export const BODY_TEMPERATURE_MIN = 35.0;
export const BODY_TEMPERATURE_MAX = 42.0;
/** A temperature at or above this is a fever, whatever the worker ticked. */
export const FEVER_TEMPERATURE = 37.3;

export interface QuestionOption {
  /** Stable within the question: `a`, `b`, … (true/false questions use `true` and `false`). */
  id: string;
  text: string;
}

/** A question as a worker sees it before answering: never the answer. */
export interface QuizQuestion {
  id: string;
  type: QuestionType;
  prompt: string;
  options: QuestionOption[];
}

/** A question as its author writes it. */
export interface AuthoredQuestion extends QuizQuestion {
  /** The correct option ids: one for single choice and true/false, one or more for multiple choice. */
  correctOptionIds: string[];
  explanation: string;
}

/** What the author writes; saving a published lesson makes a new version of it. */
export interface LessonContent {
  title: string;
  topic: LessonTopic;
  /** Rich text (HTML); sanitised by the server to a small set of tags. */
  bodyHtml: string;
  /** Images uploaded through the photo service (kind `lesson`), shown under the body. */
  imageIds: string[];
  videoUrl: string | null;
  durationSeconds: number;
  /** Empty: everyone. */
  workerGroups: WorkerGroup[];
  /** Empty: every industry. */
  industries: Industry[];
  /** Percent of the questions' points needed to pass, 1–100. */
  passMark: number;
  questions: AuthoredQuestion[];
}

/** `POST /lesson-images` (multipart: `file` and `clientKey`): a picture for a lesson's body. */
export interface LessonImage {
  id: string;
  contentType: string;
  width: number;
  height: number;
  /** `/api/v1/lesson-images/:id`; needs the bearer token of any signed-in person (teaching material). */
  url: string;
  /** The same with `?variant=thumbnail`: a JPEG, long side 320 px. */
  thumbnailUrl: string;
  createdAt: string;
}

/** The text field of the lesson image upload (the file travels in the `file` part). */
export interface UploadLessonImageFields {
  /** UUID made for this upload: a retry returns the same image. */
  clientKey: string;
}

export interface CreateLessonRequest extends LessonContent {
  /** The union or enterprise the lesson belongs to: it reaches the workers of that subtree. */
  ownerOrgUnitId: string;
}

export type UpdateLessonRequest = LessonContent;

export interface LessonSummary {
  id: string;
  title: string;
  topic: LessonTopic;
  status: LessonStatus;
  version: number;
  durationSeconds: number;
  owner: OrgUnitReference;
  workerGroups: WorkerGroup[];
  industries: Industry[];
  updatedAt: string;
}

/** A lesson as its editors see it: with the answers. */
export interface LessonDetail extends LessonSummary, LessonContent {
  imageUrls: string[];
  publishedAt: string | null;
}

export interface LessonListQuery extends PageQuery {
  status?: LessonStatus;
  /** Lessons owned at this node of the caller's scope. */
  ownerOrgUnitId?: string;
  topic?: LessonTopic;
  q?: string;
}

export interface AssignLessonRequest {
  /** The subtree whose workers must complete it. */
  orgUnitId: string;
  /** `YYYY-MM-DD` (China date), not before today. */
  dueOn: string;
}

export interface LessonAssignment {
  id: string;
  lessonId: string;
  orgUnit: OrgUnitReference;
  dueOn: string;
  createdAt: string;
}

/** A lesson in the worker's 培训 tab. */
export interface WorkerLessonSummary {
  id: string;
  title: string;
  topic: LessonTopic;
  durationSeconds: number;
  /** Required and not yet passed (with a due date when assigned), or done. */
  required: boolean;
  dueOn: string | null;
  passed: boolean;
  lastCompletedAt: string | null;
}

export interface MyLessonsResponse {
  required: WorkerLessonSummary[];
  done: WorkerLessonSummary[];
  refreshers: WorkerLessonSummary[];
}

/** `POST /lessons/:id/attempts`: opening a lesson to study and answer. */
export interface OpenAttemptRequest {
  /** The check-in this lesson is the pre-shift lesson of, if any. */
  checkInId?: string;
}

/** A lesson as a worker studies it: body, media and questions — no answers. */
export interface LessonAttempt {
  id: string;
  lessonId: string;
  version: number;
  title: string;
  topic: LessonTopic;
  bodyHtml: string;
  imageUrls: string[];
  videoUrl: string | null;
  durationSeconds: number;
  passMark: number;
  questions: QuizQuestion[];
  openedAt: string;
  /** The earliest moment the quiz may be submitted: half the lesson's duration after opening. */
  submittableAt: string;
}

export interface SubmitAttemptRequest {
  /** UUID made on the phone: the same key again returns the first result. */
  clientKey: string;
  /** Option ids chosen per question id. */
  answers: Record<string, string[]>;
}

export interface QuestionResult {
  questionId: string;
  prompt: string;
  chosenOptionIds: string[];
  correctOptionIds: string[];
  /** 0–1: a multiple-choice answer with some right and none wrong earns part of the point. */
  score: number;
  correct: boolean;
  explanation: string;
}

export interface AttemptResult {
  attemptId: string;
  lessonId: string;
  version: number;
  /** Percent, 0–100. */
  score: number;
  passMark: number;
  passed: boolean;
  timeSpentSeconds: number;
  questions: QuestionResult[];
  submittedAt: string;
  /** When the attempt belonged to a check-in: where the worker now stands for the shift. */
  clearance: ShiftClearance | null;
}

/** 班前打卡: the health declaration. Any sign means not cleared. */
export interface HealthDeclaration {
  fever: boolean;
  cough: boolean;
  feelingUnwell: boolean;
  /** Other symptoms in the worker's words; empty or absent when none. */
  otherSymptoms?: string;
  /** °C, 35.0–42.0, optional. */
  temperature?: number;
}

export interface CheckInRequest {
  workplaceId: string;
  /** UUID: a retry returns the first check-in; so does a second check-in the same China day. */
  clientKey: string;
  declaration: HealthDeclaration;
}

/** The "cleared for shift" card and what comes next. */
export interface CheckInCard {
  id: string;
  /** China date. */
  day: string;
  worker: { id: string; displayName: string };
  workplace: { id: string; name: string };
  enterprise: { id: string; name: string };
  clearance: ShiftClearance;
  checkedInAt: string;
  clearedAt: string | null;
  /** Fit: the lesson to take before the shift (null when there is none to take). */
  todaysLesson: { id: string; title: string; reason: LessonReason; durationSeconds: number } | null;
  /** The lesson passed today, once passed. */
  passedLesson: { id: string; title: string; version: number; score: number } | null;
  /** Not cleared: what to do (rest, see a doctor, tell the foreman). */
  advice: string | null;
}

/** The foreman's roll call of a workplace on a day. */
export interface RollCall {
  workplace: { id: string; name: string };
  day: string;
  cleared: RollCallEntry[];
  notCleared: RollCallEntry[];
  /** Workers of the enterprise with no check-in anywhere that day. */
  notCheckedIn: { id: string; displayName: string; employeeNumber: string | null }[];
}

export interface RollCallEntry {
  workerId: string;
  displayName: string;
  employeeNumber: string | null;
  clearance: ShiftClearance;
  checkedInAt: string;
  clearedAt: string | null;
  /** Only for the enterprise's officers (PIPL): the declaration, reduced to nothing after 30 days. */
  declaration: HealthDeclaration | null;
}

export interface RollCallQuery {
  /** China date `YYYY-MM-DD`; today when absent. */
  date?: string;
}
