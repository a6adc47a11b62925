/**
 * Domain enums shared by the server and the mini program. Each enum has a Chinese label map so
 * that every screen names things the same way.
 */

export enum Role {
  Worker = 'worker',
  Officer = 'officer',
  UnionStaff = 'union_staff',
  Admin = 'admin',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Worker]: '职工',
  [Role.Officer]: '企业安全员',
  [Role.UnionStaff]: '工会干部',
  [Role.Admin]: '系统管理员',
};

export enum OrgKind {
  Union = 'union',
  Enterprise = 'enterprise',
  Workplace = 'workplace',
}

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  [OrgKind.Union]: '工会',
  [OrgKind.Enterprise]: '企业',
  [OrgKind.Workplace]: '作业场所',
};

/** The twelve key industries of the notice, plus `other`. */
export enum Industry {
  CoalMine = 'coal_mine',
  NonCoalMine = 'non_coal_mine',
  HazardousChemicals = 'hazardous_chemicals',
  RoadTraffic = 'road_traffic',
  Construction = 'construction',
  Fire = 'fire',
  Education = 'education',
  Power = 'power',
  Energy = 'energy',
  CivilExplosives = 'civil_explosives',
  SpecialEquipment = 'special_equipment',
  CityGas = 'city_gas',
  Other = 'other',
}

export const INDUSTRY_LABELS: Record<Industry, string> = {
  [Industry.CoalMine]: '煤矿',
  [Industry.NonCoalMine]: '非煤矿山',
  [Industry.HazardousChemicals]: '危险化学品',
  [Industry.RoadTraffic]: '道路交通',
  [Industry.Construction]: '建筑施工',
  [Industry.Fire]: '消防',
  [Industry.Education]: '教育',
  [Industry.Power]: '电力',
  [Industry.Energy]: '能源',
  [Industry.CivilExplosives]: '民爆器材',
  [Industry.SpecialEquipment]: '特种设备',
  [Industry.CityGas]: '城镇燃气',
  [Industry.Other]: '其他',
};

export enum WorkerGroup {
  NewHire = 'new_hire',
  SpecialOperations = 'special_operations',
  Outsourced = 'outsourced',
  HighRisk = 'high_risk',
  NonRoutine = 'non_routine',
}

export const WORKER_GROUP_LABELS: Record<WorkerGroup, string> = {
  [WorkerGroup.NewHire]: '新入职',
  [WorkerGroup.SpecialOperations]: '特种作业',
  [WorkerGroup.Outsourced]: '外协',
  [WorkerGroup.HighRisk]: '高风险岗位',
  [WorkerGroup.NonRoutine]: '非常规作业',
};

export enum HazardCategory {
  UnsafeCondition = 'unsafe_condition',
  UnsafeBehavior = 'unsafe_behavior',
  ViolationCommand = 'violation_command',
  ViolationOperation = 'violation_operation',
  ViolationDiscipline = 'violation_discipline',
  EpidemicPrevention = 'epidemic_prevention',
  OccupationalHealth = 'occupational_health',
  Other = 'other',
}

export const HAZARD_CATEGORY_LABELS: Record<HazardCategory, string> = {
  [HazardCategory.UnsafeCondition]: '物的不安全状态',
  [HazardCategory.UnsafeBehavior]: '人的不安全行为',
  [HazardCategory.ViolationCommand]: '违章指挥',
  [HazardCategory.ViolationOperation]: '违章作业',
  [HazardCategory.ViolationDiscipline]: '违反劳动纪律',
  [HazardCategory.EpidemicPrevention]: '疫情防控',
  [HazardCategory.OccupationalHealth]: '职业健康',
  [HazardCategory.Other]: '其他',
};

/** 三违: the three violations the notice demands be eliminated. */
export const THREE_VIOLATIONS: readonly HazardCategory[] = [
  HazardCategory.ViolationCommand,
  HazardCategory.ViolationOperation,
  HazardCategory.ViolationDiscipline,
];

export enum HazardState {
  Submitted = 'submitted',
  Assigned = 'assigned',
  Rectifying = 'rectifying',
  PendingVerification = 'pending_verification',
  Closed = 'closed',
  Rejected = 'rejected',
  Duplicate = 'duplicate',
}

export const HAZARD_STATE_LABELS: Record<HazardState, string> = {
  [HazardState.Submitted]: '待研判',
  [HazardState.Assigned]: '已交办',
  [HazardState.Rectifying]: '整改中',
  [HazardState.PendingVerification]: '待验收',
  [HazardState.Closed]: '已销号',
  [HazardState.Rejected]: '不予受理',
  [HazardState.Duplicate]: '重复上报',
};

export enum HazardGrade {
  General = 'general',
  Major = 'major',
}

export const HAZARD_GRADE_LABELS: Record<HazardGrade, string> = {
  [HazardGrade.General]: '一般隐患',
  [HazardGrade.Major]: '重大隐患',
};

export enum LessonTopic {
  WarningEducation = 'warning_education',
  OperatingProcedure = 'operating_procedure',
  EpidemicPrevention = 'epidemic_prevention',
  EmergencyResponse = 'emergency_response',
  OccupationalHealth = 'occupational_health',
}

export const LESSON_TOPIC_LABELS: Record<LessonTopic, string> = {
  [LessonTopic.WarningEducation]: '警示教育',
  [LessonTopic.OperatingProcedure]: '操作规程',
  [LessonTopic.EpidemicPrevention]: '疫情防控',
  [LessonTopic.EmergencyResponse]: '应急处置',
  [LessonTopic.OccupationalHealth]: '职业健康',
};

export enum NoticeKind {
  Policy = 'policy',
  Warning = 'warning',
  Alert = 'alert',
  Training = 'training',
}

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  [NoticeKind.Policy]: '政策法规',
  [NoticeKind.Warning]: '安全警示',
  [NoticeKind.Alert]: '紧急通知',
  [NoticeKind.Training]: '培训通知',
};

export enum DatabaseDriver {
  Mysql = 'mysql',
  BetterSqlite3 = 'better-sqlite3',
}

/** Values of an enum object, typed, for validators and selects. */
export function enumValues<T extends Record<string, string>>(enumObject: T): T[keyof T][] {
  return Object.values(enumObject) as T[keyof T][];
}

/** How a worker's 「我在这里工作」 becomes a binding to the enterprise. */
export enum BindingMode {
  /** Bound at once: the enterprise trusts its entrance QR codes. */
  Automatic = 'automatic',
  /** An officer of the enterprise approves each request. */
  Approval = 'approval',
}

export const BINDING_MODE_LABELS: Record<BindingMode, string> = {
  [BindingMode.Automatic]: '扫码即绑定',
  [BindingMode.Approval]: '安全员审核',
};

export enum BindingStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  /** Withdrawn by the worker, or superseded by a newer request. */
  Cancelled = 'cancelled',
}

export const BINDING_STATUS_LABELS: Record<BindingStatus, string> = {
  [BindingStatus.Pending]: '待审核',
  [BindingStatus.Approved]: '已绑定',
  [BindingStatus.Rejected]: '未通过',
  [BindingStatus.Cancelled]: '已撤销',
};

/** Who may know who reported a hazard. */
export enum ReporterVisibility {
  /** Everyone handling the ticket sees the reporter. */
  Named = 'named',
  /** Stored, but never shown to enterprise roles (officers, assignees); union staff may see it. */
  HiddenFromEnterprise = 'hidden_from_enterprise',
  /** Not stored at all; the reporter follows the ticket with a token kept on the device. */
  Anonymous = 'anonymous',
}

export const REPORTER_VISIBILITY_LABELS: Record<ReporterVisibility, string> = {
  [ReporterVisibility.Named]: '实名',
  [ReporterVisibility.HiddenFromEnterprise]: '对企业隐藏姓名',
  [ReporterVisibility.Anonymous]: '匿名',
};

export enum HazardPhotoKind {
  /** Taken by the reporter: what is wrong. */
  Report = 'report',
  /** Taken when the fix is submitted (or fixed on the spot): what it looks like now. */
  Fix = 'fix',
}

/** What an in-app message is about; the notices issue adds its own kinds. */
export enum InboxMessageKind {
  HazardMajorReported = 'hazard_major_reported',
  HazardAssigned = 'hazard_assigned',
  HazardDeadlineSoon = 'hazard_deadline_soon',
  HazardDue = 'hazard_due',
  HazardOverdue = 'hazard_overdue',
  HazardExtensionRequested = 'hazard_extension_requested',
  HazardFixSubmitted = 'hazard_fix_submitted',
  HazardClosed = 'hazard_closed',
  /** A worker declared a symptom at check-in: their officers are told. */
  CheckInNotCleared = 'check_in_not_cleared',
  /** A lesson was assigned to the person's place in the tree, with a due date. */
  LessonAssigned = 'lesson_assigned',
  /** A safety notice reached the person. */
  NoticePublished = 'notice_published',
  /** Staff asked those who have not yet acknowledged a notice to do so. */
  NoticeReminder = 'notice_reminder',
}

/**
 * What a WeChat subscribe message is for. Each purpose has its own template (configured on the
 * server), and the person grants one-time permission per template in the mini program.
 */
export enum WechatSubscribePurpose {
  /** Deadline reminders and overdue escalations of hazard tickets. */
  HazardReminder = 'hazard_reminder',
  /** News about a ticket: a 重大 hazard reported, a ticket assigned, a fix to verify, a ticket closed. */
  HazardAlert = 'hazard_alert',
  /** A safety notice from the union or the enterprise, and reminders to acknowledge it. */
  Notice = 'notice',
}

export const WECHAT_SUBSCRIBE_PURPOSE_LABELS: Record<WechatSubscribePurpose, string> = {
  [WechatSubscribePurpose.HazardReminder]: '隐患整改期限提醒',
  [WechatSubscribePurpose.HazardAlert]: '隐患处理进度通知',
  [WechatSubscribePurpose.Notice]: '安全通知',
};

export enum QuestionType {
  SingleChoice = 'single_choice',
  MultipleChoice = 'multiple_choice',
  TrueFalse = 'true_false',
}

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  [QuestionType.SingleChoice]: '单选题',
  [QuestionType.MultipleChoice]: '多选题',
  [QuestionType.TrueFalse]: '判断题',
};

export enum LessonStatus {
  Draft = 'draft',
  Published = 'published',
  Archived = 'archived',
}

export const LESSON_STATUS_LABELS: Record<LessonStatus, string> = {
  [LessonStatus.Draft]: '草稿',
  [LessonStatus.Published]: '已发布',
  [LessonStatus.Archived]: '已归档',
};

/** Why today's lesson is the one it is. */
export enum LessonReason {
  /** Required of the worker (their groups, industry, place in the tree, or an assignment) and not yet passed. */
  Required = 'required',
  /** All required lessons passed: a refresher from past mistakes and the oldest completions. */
  Refresher = 'refresher',
}

export const LESSON_REASON_LABELS: Record<LessonReason, string> = {
  [LessonReason.Required]: '必修',
  [LessonReason.Refresher]: '复习巩固',
};

/** Where a worker stands for today's shift. */
export enum ShiftClearance {
  /** Declared fit and passed today's lesson: 准许上岗. */
  Cleared = 'cleared',
  /** Declared fit; today's lesson not yet passed. */
  LessonPending = 'lesson_pending',
  /** Declared a symptom: rest and see a doctor; the officers were told. */
  NotCleared = 'not_cleared',
}

export const SHIFT_CLEARANCE_LABELS: Record<ShiftClearance, string> = {
  [ShiftClearance.Cleared]: '准许上岗',
  [ShiftClearance.LessonPending]: '待完成班前培训',
  [ShiftClearance.NotCleared]: '暂不上岗',
};

export enum NoticeState {
  Draft = 'draft',
  /** Published automatically at its publish time. */
  Scheduled = 'scheduled',
  Published = 'published',
  /** Taken back: recipients no longer see it. */
  Withdrawn = 'withdrawn',
}

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  [NoticeState.Draft]: '草稿',
  [NoticeState.Scheduled]: '定时发布',
  [NoticeState.Published]: '已发布',
  [NoticeState.Withdrawn]: '已撤回',
};

/** How far publishing has reached the recipients (the fan-out runs in the background). */
export enum NoticeFanOutState {
  Pending = 'pending',
  Running = 'running',
  Done = 'done',
}
