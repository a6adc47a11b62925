/**
 * Stable error codes, one enum per area, each with the Chinese message shown to the person on the
 * phone. The server maps each code to an HTTP status; the mini program may show the message for a
 * code when the server's own message is missing (network failure, old server).
 */

export enum CommonErrorCode {
  ValidationFailed = 'COMMON_VALIDATION_FAILED',
  MalformedBody = 'COMMON_MALFORMED_BODY',
  RouteNotFound = 'COMMON_ROUTE_NOT_FOUND',
  NotFound = 'COMMON_NOT_FOUND',
  PayloadTooLarge = 'COMMON_PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'COMMON_UNSUPPORTED_MEDIA_TYPE',
  RateLimited = 'COMMON_RATE_LIMITED',
  DatabaseUnavailable = 'COMMON_DATABASE_UNAVAILABLE',
  Internal = 'COMMON_INTERNAL',
}

export enum AuthErrorCode {
  Unauthenticated = 'AUTH_UNAUTHENTICATED',
  AccessTokenExpired = 'AUTH_ACCESS_TOKEN_EXPIRED',
  RefreshTokenInvalid = 'AUTH_REFRESH_TOKEN_INVALID',
  Forbidden = 'AUTH_FORBIDDEN',
  WechatCodeInvalid = 'AUTH_WECHAT_CODE_INVALID',
  WechatCodeUsed = 'AUTH_WECHAT_CODE_USED',
  WechatLoginRateLimited = 'AUTH_WECHAT_LOGIN_RATE_LIMITED',
  WechatUserHighRisk = 'AUTH_WECHAT_USER_HIGH_RISK',
  DevLoginDisabled = 'AUTH_DEV_LOGIN_DISABLED',
  DevLoginUserNotFound = 'AUTH_DEV_LOGIN_USER_NOT_FOUND',
  UserDisabled = 'AUTH_USER_DISABLED',
}

export enum WechatErrorCode {
  /** WeChat busy (-1), timed out or unreachable after the retries. */
  Unavailable = 'WECHAT_UNAVAILABLE',
  /** WeChat is not configured, or refused our appid/secret/IP: an operator must act. */
  Misconfigured = 'WECHAT_MISCONFIGURED',
  /** WeChat answered with an error this call does not expect. */
  Rejected = 'WECHAT_REJECTED',
  /** WeChat refused to make a mini program code for our scene or page: our configuration, not the user. */
  QrCodeRejected = 'WECHAT_QR_CODE_REJECTED',
}

export enum OrgErrorCode {
  WorkplaceCodeInvalid = 'ORG_WORKPLACE_CODE_INVALID',
  WorkplaceCodeTaken = 'ORG_WORKPLACE_CODE_TAKEN',
  /** The public card of a scanned code: said plainly, since the code came from a poster. */
  WorkplaceNotFound = 'ORG_WORKPLACE_NOT_FOUND',
  WorkplaceArchived = 'ORG_WORKPLACE_ARCHIVED',
  ParentKindNotAllowed = 'ORG_PARENT_KIND_NOT_ALLOWED',
  IndustryRequired = 'ORG_INDUSTRY_REQUIRED',
  MoveCycle = 'ORG_MOVE_CYCLE',
  NodeArchived = 'ORG_NODE_ARCHIVED',
  HasActiveChildren = 'ORG_HAS_ACTIVE_CHILDREN',
  GridOutsideUnion = 'ORG_GRID_OUTSIDE_UNION',
  GrantAboveScope = 'ORG_GRANT_ABOVE_SCOPE',
  GrantRoleNodeKind = 'ORG_GRANT_ROLE_NODE_KIND',
  GrantExists = 'ORG_GRANT_EXISTS',
  BindingAlreadyBound = 'ORG_BINDING_ALREADY_BOUND',
  BindingNotPending = 'ORG_BINDING_NOT_PENDING',
}

export enum ProfileErrorCode {
  PhoneCodeInvalid = 'PROFILE_PHONE_CODE_INVALID',
}

export enum HazardErrorCode {
  /** The ticket's state does not allow the action (someone else acted first, or the app is stale). */
  TransitionNotAllowed = 'HAZARD_TRANSITION_NOT_ALLOWED',
  /** The caller may see the ticket but this action is not theirs to take. */
  ActionForbidden = 'HAZARD_ACTION_FORBIDDEN',
  VerifierIsRectifier = 'HAZARD_VERIFIER_IS_RECTIFIER',
  ReopenWindowPassed = 'HAZARD_REOPEN_WINDOW_PASSED',
  ContingencyPlanRequired = 'HAZARD_CONTINGENCY_PLAN_REQUIRED',
  AfterPhotoRequired = 'HAZARD_AFTER_PHOTO_REQUIRED',
  PhotosRequired = 'HAZARD_PHOTOS_REQUIRED',
  PhotoNotUsable = 'HAZARD_PHOTO_NOT_USABLE',
  PhotoTypeNotAllowed = 'HAZARD_PHOTO_TYPE_NOT_ALLOWED',
  PhotoTooLarge = 'HAZARD_PHOTO_TOO_LARGE',
  PhotoEmpty = 'HAZARD_PHOTO_EMPTY',
  PhotoFileNameInvalid = 'HAZARD_PHOTO_FILE_NAME_INVALID',
  ContentRisky = 'HAZARD_CONTENT_RISKY',
  DeadlineInPast = 'HAZARD_DEADLINE_IN_PAST',
  ResponsiblePersonInvalid = 'HAZARD_RESPONSIBLE_PERSON_INVALID',
  MergeTargetInvalid = 'HAZARD_MERGE_TARGET_INVALID',
  ExtensionPending = 'HAZARD_EXTENSION_PENDING',
  NoExtensionPending = 'HAZARD_NO_EXTENSION_PENDING',
  NotMajor = 'HAZARD_NOT_MAJOR',
  FollowTokenInvalid = 'HAZARD_FOLLOW_TOKEN_INVALID',
}

/** The person's WeChat subscribe-message grants (`POST /me/wechat-subscriptions`). */
export enum SubscriptionErrorCode {
  /** A template id the server does not use (the mini program has an old list: it should fetch it again). */
  TemplateNotConfigured = 'SUBSCRIPTION_TEMPLATE_NOT_CONFIGURED',
  /** WeChat asks about at most 3 templates at a time, so a result never holds more. */
  TooManyTemplates = 'SUBSCRIPTION_TOO_MANY_TEMPLATES',
}

export enum TrainingErrorCode {
  /** The quiz came back sooner than half the lesson's duration after it was opened. */
  SubmittedTooSoon = 'TRAINING_SUBMITTED_TOO_SOON',
  AttemptAlreadySubmitted = 'TRAINING_ATTEMPT_ALREADY_SUBMITTED',
  AnswerInvalid = 'TRAINING_ANSWER_INVALID',
  LessonNotPublished = 'TRAINING_LESSON_NOT_PUBLISHED',
  LessonArchived = 'TRAINING_LESSON_ARCHIVED',
  QuestionInvalid = 'TRAINING_QUESTION_INVALID',
  OwnerNotAllowed = 'TRAINING_OWNER_NOT_ALLOWED',
  DueDateInPast = 'TRAINING_DUE_DATE_IN_PAST',
  /** The check-in is not the caller's, not today's, or not fit for a lesson. */
  CheckInNotUsable = 'TRAINING_CHECK_IN_NOT_USABLE',
  /** A worker must be bound to an enterprise (「我在这里工作」) before checking in at its workplaces. */
  NotBoundToEnterprise = 'TRAINING_NOT_BOUND_TO_ENTERPRISE',
}

export enum NoticeErrorCode {
  /** Only drafts and scheduled notices change; a published one is withdrawn and sent anew. */
  NotEditable = 'NOTICE_NOT_EDITABLE',
  ScopeNotAllowed = 'NOTICE_SCOPE_NOT_ALLOWED',
  PublishAtInPast = 'NOTICE_PUBLISH_AT_IN_PAST',
  NotPublished = 'NOTICE_NOT_PUBLISHED',
  AlreadyRemindedToday = 'NOTICE_ALREADY_REMINDED_TODAY',
  AcknowledgementNotRequired = 'NOTICE_ACKNOWLEDGEMENT_NOT_REQUIRED',
  /** The audience holds nobody: publishing it would reach no one. */
  AudienceEmpty = 'NOTICE_AUDIENCE_EMPTY',
}

export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | WechatErrorCode
  | OrgErrorCode
  | ProfileErrorCode
  | HazardErrorCode
  | SubscriptionErrorCode
  | TrainingErrorCode
  | NoticeErrorCode;

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [NoticeErrorCode.NotEditable]: '已发布或已撤回的通知不能修改，请撤回后重新发布',
  [NoticeErrorCode.ScopeNotAllowed]: '只能向您管辖范围内的单位发布通知',
  [NoticeErrorCode.PublishAtInPast]: '定时发布的时间不能早于现在',
  [NoticeErrorCode.NotPublished]: '该通知尚未发布',
  [NoticeErrorCode.AlreadyRemindedToday]: '今天已经催办过了，请明天再试',
  [NoticeErrorCode.AcknowledgementNotRequired]: '该通知无需确认阅知',
  [NoticeErrorCode.AudienceEmpty]: '按当前范围和条件没有接收人，请调整后再发布',
  [TrainingErrorCode.SubmittedTooSoon]: '学习时间太短，请认真学完课程再答题',
  [TrainingErrorCode.AttemptAlreadySubmitted]: '这次答题已经提交过了，请重新开始学习后再答',
  [TrainingErrorCode.AnswerInvalid]: '答案不完整或不合规，请检查每道题的选择',
  [TrainingErrorCode.LessonNotPublished]: '该课程尚未发布',
  [TrainingErrorCode.LessonArchived]: '该课程已归档',
  [TrainingErrorCode.QuestionInvalid]: '题目设置有误，请检查选项和正确答案',
  [TrainingErrorCode.OwnerNotAllowed]: '只能在您管理的工会或企业下发布课程',
  [TrainingErrorCode.DueDateInPast]: '完成期限不能早于今天',
  [TrainingErrorCode.CheckInNotUsable]: '今天的班前打卡记录不可用，请重新打卡',
  [TrainingErrorCode.NotBoundToEnterprise]: '请先在作业场所扫码，点「我在这里工作」绑定企业后再打卡',
  [CommonErrorCode.ValidationFailed]: '提交的内容有误，请检查后重试',
  [CommonErrorCode.MalformedBody]: '请求格式有误，请更新小程序后重试',
  [CommonErrorCode.RouteNotFound]: '请求的功能不存在',
  [CommonErrorCode.NotFound]: '记录不存在或您无权查看',
  [CommonErrorCode.PayloadTooLarge]: '上传的内容过大',
  [CommonErrorCode.UnsupportedMediaType]: '不支持的内容格式',
  [CommonErrorCode.RateLimited]: '操作过于频繁，请稍后再试',
  [CommonErrorCode.DatabaseUnavailable]: '服务暂时不可用，请稍后再试',
  [CommonErrorCode.Internal]: '服务器开小差了，请稍后再试',
  [AuthErrorCode.Unauthenticated]: '请先登录',
  [AuthErrorCode.AccessTokenExpired]: '登录已过期，请重新登录',
  [AuthErrorCode.RefreshTokenInvalid]: '登录状态已失效，请重新登录',
  [AuthErrorCode.Forbidden]: '您没有权限进行此操作',
  [AuthErrorCode.WechatCodeInvalid]: '微信登录凭证无效，请重新进入小程序',
  [AuthErrorCode.WechatCodeUsed]: '微信登录凭证已使用，请重新登录',
  [AuthErrorCode.WechatLoginRateLimited]: '登录过于频繁，请稍后再试',
  [AuthErrorCode.WechatUserHighRisk]: '微信账号存在风险，暂时无法登录',
  [AuthErrorCode.DevLoginDisabled]: '演示登录未开启',
  [AuthErrorCode.DevLoginUserNotFound]: '演示账号不存在',
  [AuthErrorCode.UserDisabled]: '账号已停用，请联系管理员',
  [WechatErrorCode.Unavailable]: '微信服务繁忙，请稍后再试',
  [WechatErrorCode.Misconfigured]: '微信服务配置有误，请联系管理员',
  [WechatErrorCode.Rejected]: '微信服务拒绝了请求，请稍后再试',
  [WechatErrorCode.QrCodeRejected]: '生成小程序码失败，请联系管理员检查场所编码和页面配置',
  [OrgErrorCode.WorkplaceCodeInvalid]: "场所编码只能由字母、数字和 !#$&'()*+,/:;=?@-._~ 组成，且不超过 30 个字符",
  [OrgErrorCode.WorkplaceCodeTaken]: '该场所编码已被其他作业场所使用',
  [OrgErrorCode.WorkplaceNotFound]: '未找到该作业场所，请确认扫描的是入口处张贴的安康二维码',
  [OrgErrorCode.WorkplaceArchived]: '该作业场所已停用，请联系企业安全员',
  [OrgErrorCode.ParentKindNotAllowed]: '该类型的单位不能放在所选的上级单位之下',
  [OrgErrorCode.IndustryRequired]: '企业必须选择所属行业',
  [OrgErrorCode.MoveCycle]: '不能把单位移动到它自己或它的下级单位之下',
  [OrgErrorCode.NodeArchived]: '该单位已归档，不能再修改',
  [OrgErrorCode.HasActiveChildren]: '请先归档它的下级单位',
  [OrgErrorCode.GridOutsideUnion]: '该作业场所不在网格所属工会的管辖范围内',
  [OrgErrorCode.GrantAboveScope]: '不能授予高于自身权限或超出自身管辖范围的角色',
  [OrgErrorCode.GrantRoleNodeKind]: '该角色不能设置在这类单位上',
  [OrgErrorCode.GrantExists]: '该用户在此单位已拥有这个角色',
  [OrgErrorCode.BindingAlreadyBound]: '您已经是该企业的职工',
  [OrgErrorCode.BindingNotPending]: '该申请已经处理过了',
  [ProfileErrorCode.PhoneCodeInvalid]: '获取手机号失败，请重新点击授权',
  [HazardErrorCode.TransitionNotAllowed]: '隐患当前的状态不能进行此操作，请刷新后查看',
  [HazardErrorCode.ActionForbidden]: '您不能对这条隐患进行此操作',
  [HazardErrorCode.VerifierIsRectifier]: '整改人不能验收自己的整改，请由其他人验收',
  [HazardErrorCode.ReopenWindowPassed]: '销号已超过 30 天，不能重新打开',
  [HazardErrorCode.ContingencyPlanRequired]: '重大隐患必须填写应急预案',
  [HazardErrorCode.AfterPhotoRequired]: '请上传整改后的照片',
  [HazardErrorCode.PhotosRequired]: '请上传 1 到 9 张隐患照片',
  [HazardErrorCode.PhotoNotUsable]: '照片不存在、已被使用或不是您上传的，请重新上传',
  [HazardErrorCode.PhotoTypeNotAllowed]: '只能上传 JPEG、PNG 或 WebP 格式的照片',
  [HazardErrorCode.PhotoTooLarge]: '照片不能超过 10 MB',
  [HazardErrorCode.PhotoEmpty]: '照片文件是空的，请重新拍摄',
  [HazardErrorCode.PhotoFileNameInvalid]: '照片文件名不合法，请重新选择',
  [HazardErrorCode.ContentRisky]: '描述中含有不当内容，请修改后再提交',
  [HazardErrorCode.DeadlineInPast]: '整改期限不能早于今天',
  [HazardErrorCode.ResponsiblePersonInvalid]: '责任人必须是本企业的人员',
  [HazardErrorCode.MergeTargetInvalid]: '只能合并到本企业另一条未合并的隐患',
  [HazardErrorCode.ExtensionPending]: '已有一条延期申请在等待审批',
  [HazardErrorCode.NoExtensionPending]: '没有待审批的延期申请',
  [HazardErrorCode.NotMajor]: '只有重大隐患需要报送主管部门',
  [HazardErrorCode.FollowTokenInvalid]: '未找到这条隐患，请确认跟踪码是否正确',
  [SubscriptionErrorCode.TemplateNotConfigured]: '消息模板已更新，请重新进入小程序后再订阅',
  [SubscriptionErrorCode.TooManyTemplates]: '一次最多订阅 3 个消息模板',
};

/** Every code, for exhaustive tests on both sides. */
export const ALL_ERROR_CODES: readonly ErrorCode[] = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

/** One offending field of a rejected request. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorResponse {
  code: ErrorCode;
  message: string;
  details?: FieldError[] | Record<string, unknown>;
  requestId: string;
}
