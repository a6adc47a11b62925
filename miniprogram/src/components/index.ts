export { BulletList } from './bullet-list';
export { SectionCard } from './section-card';
export { SoonBadge } from './soon-badge';
export { StatusBlock } from './status-block';
export { StepFlow } from './step-flow';
