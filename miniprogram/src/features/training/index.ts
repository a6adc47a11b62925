export { createCheckIn } from './create-check-in';
export {
  type DeclarationErrors,
  type DeclarationField,
  type DeclarationForm,
  declarationOf,
  declaresSign,
  emptyDeclaration,
  OTHER_SYMPTOMS_MAX_LENGTH,
  parseTemperature,
  validateDeclaration,
} from './declaration-form';
export { downloadLessonImage } from './download-lesson-image';
export { fetchMyLessons } from './fetch-my-lessons';
export { fetchTodaysCheckIn } from './fetch-todays-check-in';
export {
  decodeEntities,
  LESSON_BODY_TAGS,
  lessonBodyNodes,
  lessonBodyText,
  type RichTextElement,
  type RichTextNode,
  type RichTextText,
  unsupportedTags,
} from './lesson-body';
export { openAttempt } from './open-attempt';
export {
  type Answers,
  choose,
  clockLabel,
  durationLabel,
  isChosen,
  optionLabel,
  optionMark,
  secondsUntil,
  submissionAnswers,
  TOO_SOON_RETRY_SECONDS,
  unansweredQuestions,
  unlockTimeOf,
} from './quiz';
export { submitAttempt } from './submit-attempt';
