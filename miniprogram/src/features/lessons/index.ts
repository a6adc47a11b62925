export { archiveLesson } from './archive-lesson';
export { assignLesson } from './assign-lesson';
export { dueOnProblem } from './assignment-form';
export {
  applyBodyFormat,
  BODY_FORMAT_LABELS,
  type BodyFormat,
  type FormattedBody,
  paragraphsFromPlainText,
  type TextSelection,
} from './body-format';
export { createLesson } from './create-lesson';
export { fetchLesson } from './fetch-lesson';
export {
  addOption,
  addQuestion,
  changeQuestionType,
  createRequestOf,
  DURATION_DEFAULT_SECONDS,
  emptyLessonForm,
  type LessonForm,
  type LessonFormErrors,
  type LessonImageDraft,
  lessonContentOf,
  lessonFormOf,
  markCorrect,
  moveQuestion,
  newQuestion,
  PASS_MARK_DEFAULT,
  QUESTION_OPTIONS_MIN,
  type QuestionDraft,
  questionField,
  removeOption,
  removeQuestion,
  serverLessonErrors,
  setOptionText,
  validateLesson,
} from './lesson-form';
export { listLessonAssignments } from './list-lesson-assignments';
export { listLessons } from './list-lessons';
export { publishLesson } from './publish-lesson';
export { updateLesson } from './update-lesson';
export { type LessonImageUpload, uploadLessonImage } from './upload-lesson-image';
