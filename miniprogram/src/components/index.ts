export { BulletList } from './bullet-list';
export { Choice } from './choice';
export { DateField } from './date-field';
export { FieldInput, FieldTextarea } from './field';
export { LoadStatusPage, type PendingLoad } from './load-status-page';
export { SectionCard } from './section-card';
export { SoonBadge } from './soon-badge';
export { StatusBlock } from './status-block';
export { StepFlow } from './step-flow';
