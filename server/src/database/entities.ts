import { AuthSession } from '../auth/auth-session.entity';
import { EnterpriseBinding } from '../bindings/enterprise-binding.entity';
import { CheckIn } from '../check-ins/check-in.entity';
import { HazardReminder } from '../deadlines/hazard-reminder.entity';
import { Grid } from '../grids/grid.entity';
import { HazardCodeCounter } from '../hazards/hazard-code-counter.entity';
import { HazardTicket } from '../hazards/hazard-ticket.entity';
import { HazardPhoto } from '../hazards/photos/hazard-photo.entity';
import { TicketEvent } from '../hazards/ticket-event.entity';
import { InboxMessage } from '../inbox/inbox-message.entity';
import { Notice } from '../notices/notice.entity';
import { NoticeClientKey } from '../notices/notice-client-key.entity';
import { NoticeReceipt } from '../notices/notice-receipt.entity';
import { NoticeReminder } from '../notices/notice-reminder.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { RoleGrant } from '../org/role-grant.entity';
import { WechatMessageDelivery } from '../subscriptions/wechat-message-delivery.entity';
import { WechatSubscription } from '../subscriptions/wechat-subscription.entity';
import { Lesson } from '../training/lesson.entity';
import { LessonAssignment } from '../training/lesson-assignment.entity';
import { LessonAttempt } from '../training/lesson-attempt.entity';
import { LessonImage } from '../training/lesson-image.entity';
import { LessonVersion } from '../training/lesson-version.entity';
import { User } from '../users/user.entity';
import { UserWorkerGroup } from '../users/user-worker-group.entity';
import { WorkplaceQrCode } from '../workplaces/workplace-qr-code.entity';

/** Every entity of the application, registered once with the data source. */
export const ENTITIES = [
  User,
  UserWorkerGroup,
  OrgUnit,
  Grid,
  RoleGrant,
  AuthSession,
  EnterpriseBinding,
  WorkplaceQrCode,
  HazardTicket,
  HazardPhoto,
  TicketEvent,
  HazardCodeCounter,
  InboxMessage,
  HazardReminder,
  WechatSubscription,
  WechatMessageDelivery,
  Lesson,
  LessonVersion,
  LessonAssignment,
  LessonAttempt,
  LessonImage,
  CheckIn,
  Notice,
  NoticeReceipt,
  NoticeReminder,
  NoticeClientKey,
];
