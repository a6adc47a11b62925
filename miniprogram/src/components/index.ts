export { BulletList } from './BulletList';
export { SectionCard } from './SectionCard';
export { SoonBadge } from './SoonBadge';
export { StatusBlock } from './StatusBlock';
export { StepFlow } from './StepFlow';
