import { InitialSchema1764460800000 } from './1764460800000-initial-schema';
import { OrgTreeAndProfiles1764547200000 } from './1764547200000-org-tree-and-profiles';
import { HazardTickets1764633600000 } from './1764633600000-hazard-tickets';
import { WechatSubscriptions1764720000200 } from './1764720000200-wechat-subscriptions';
import { TrainingAndCheckIns1764806400000 } from './1764806400000-training-and-check-ins';
import { LessonImagesAndDeclarationReduction1764892800000 } from './1764892800000-lesson-images-and-declaration-reduction';

import { Notices1764979200000 } from './1764979200000-notices';
import { NoticeReminders1765065600000 } from './1765065600000-notice-reminders';

/** Every migration, in order. One portable set for MariaDB and SQLite. */
export const MIGRATIONS = [
  InitialSchema1764460800000,
  OrgTreeAndProfiles1764547200000,
  HazardTickets1764633600000,
  WechatSubscriptions1764720000200,
  TrainingAndCheckIns1764806400000,
  LessonImagesAndDeclarationReduction1764892800000,
  Notices1764979200000,
  NoticeReminders1765065600000,
];
