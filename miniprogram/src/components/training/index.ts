export { AttemptResultView } from './attempt-result';
export { BigButton } from './big-button';
export { CheckInCardView } from './check-in-card';
export { DeclarationFormView } from './declaration-form';
export { LessonBody } from './lesson-body';
export { LessonImages } from './lesson-images';
export { QuizQuestionView } from './quiz-question';
