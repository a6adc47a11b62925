import {
  AuthErrorCode,
  CommonErrorCode,
  type ErrorCode,
  HazardErrorCode,
  NoticeErrorCode,
  OrgErrorCode,
  ProfileErrorCode,
  SubscriptionErrorCode,
  TrainingErrorCode,
  WechatErrorCode,
} from '@ankang/shared';

/** The HTTP status of every error code. Exhaustive: a new code does not compile until it is placed here. */
export function httpStatusForCode(code: ErrorCode): number {
  switch (code) {
    case CommonErrorCode.ValidationFailed:
    case CommonErrorCode.MalformedBody:
    case OrgErrorCode.WorkplaceCodeInvalid:
    case OrgErrorCode.ParentKindNotAllowed:
    case OrgErrorCode.IndustryRequired:
    case OrgErrorCode.MoveCycle:
    case OrgErrorCode.GridOutsideUnion:
    case OrgErrorCode.GrantRoleNodeKind:
    case ProfileErrorCode.PhoneCodeInvalid:
    case HazardErrorCode.ContingencyPlanRequired:
    case HazardErrorCode.AfterPhotoRequired:
    case HazardErrorCode.PhotosRequired:
    case HazardErrorCode.PhotoNotUsable:
    case HazardErrorCode.PhotoEmpty:
    case HazardErrorCode.PhotoFileNameInvalid:
    case HazardErrorCode.ContentRisky:
    case HazardErrorCode.DeadlineInPast:
    case HazardErrorCode.ResponsiblePersonInvalid:
    case HazardErrorCode.MergeTargetInvalid:
    case SubscriptionErrorCode.TemplateNotConfigured:
    case SubscriptionErrorCode.TooManyTemplates:
    case TrainingErrorCode.AnswerInvalid:
    case TrainingErrorCode.QuestionInvalid:
    case TrainingErrorCode.DueDateInPast:
    case NoticeErrorCode.PublishAtInPast:
      return 400;
    case AuthErrorCode.Unauthenticated:
    case AuthErrorCode.AccessTokenExpired:
    case AuthErrorCode.RefreshTokenInvalid:
    case AuthErrorCode.WechatCodeInvalid:
    case AuthErrorCode.WechatCodeUsed:
      return 401;
    case AuthErrorCode.Forbidden:
    case AuthErrorCode.UserDisabled:
    case AuthErrorCode.WechatUserHighRisk:
    case OrgErrorCode.GrantAboveScope:
    case HazardErrorCode.ActionForbidden:
    case HazardErrorCode.VerifierIsRectifier:
    case TrainingErrorCode.OwnerNotAllowed:
    case NoticeErrorCode.ScopeNotAllowed:
      return 403;
    case CommonErrorCode.RouteNotFound:
    case CommonErrorCode.NotFound:
    case AuthErrorCode.DevLoginDisabled:
    case AuthErrorCode.DevLoginUserNotFound:
    case OrgErrorCode.WorkplaceNotFound:
    case HazardErrorCode.FollowTokenInvalid:
      return 404;
    case OrgErrorCode.WorkplaceCodeTaken:
    case OrgErrorCode.WorkplaceArchived:
    case OrgErrorCode.NodeArchived:
    case OrgErrorCode.HasActiveChildren:
    case OrgErrorCode.GrantExists:
    case OrgErrorCode.BindingAlreadyBound:
    case OrgErrorCode.BindingNotPending:
    case HazardErrorCode.TransitionNotAllowed:
    case HazardErrorCode.ReopenWindowPassed:
    case HazardErrorCode.ExtensionPending:
    case HazardErrorCode.NoExtensionPending:
    case HazardErrorCode.NotMajor:
    case TrainingErrorCode.SubmittedTooSoon:
    case TrainingErrorCode.AttemptAlreadySubmitted:
    case TrainingErrorCode.LessonNotPublished:
    case TrainingErrorCode.LessonArchived:
    case TrainingErrorCode.CheckInNotUsable:
    case TrainingErrorCode.NotBoundToEnterprise:
    case NoticeErrorCode.NotEditable:
    case NoticeErrorCode.NotPublished:
    case NoticeErrorCode.AlreadyRemindedToday:
    case NoticeErrorCode.AcknowledgementNotRequired:
      return 409;
    // Well-formed and allowed, but the audience holds nobody right now (contract of issue 6).
    case NoticeErrorCode.AudienceEmpty:
      return 422;
    case HazardErrorCode.PhotoTooLarge:
      return 413;
    case HazardErrorCode.PhotoTypeNotAllowed:
      return 415;
    case CommonErrorCode.PayloadTooLarge:
      return 413;
    case CommonErrorCode.UnsupportedMediaType:
      return 415;
    case CommonErrorCode.RateLimited:
    case AuthErrorCode.WechatLoginRateLimited:
      return 429;
    case CommonErrorCode.Internal:
      return 500;
    case WechatErrorCode.Rejected:
    case WechatErrorCode.QrCodeRejected:
      return 502;
    case CommonErrorCode.DatabaseUnavailable:
    case WechatErrorCode.Unavailable:
    case WechatErrorCode.Misconfigured:
      return 503;
    default:
      return assertNever(code);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled error code: ${String(value)}`);
}
