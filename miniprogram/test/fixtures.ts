/**
 * Records as the API sends them, with every field of the shared contract, for tests to vary.
 */
import {
  type AttemptResult,
  BindingMode,
  BindingStatus,
  type CheckInCard,
  chinaDateOf,
  type EnterpriseBinding,
  type EnterpriseBindingSummary,
  HazardCategory,
  type HazardPhoto,
  HazardPhotoKind,
  HazardState,
  type HazardTicketDetail,
  type HazardTicketSummary,
  Industry,
  type LessonAttempt,
  type LessonDetail,
  LessonReason,
  LessonStatus,
  type LessonSummary,
  LessonTopic,
  type MeResponse,
  type MyNotice,
  NoticeFanOutState,
  NoticeKind,
  NoticeState,
  type NoticeSummary,
  OrgKind,
  type OrgUnitDetail,
  type OrgUnitSummary,
  QuestionType,
  ReporterVisibility,
  type Role,
  type RoleGrantSummary,
  type RollCallEntry,
  ShiftClearance,
  startOfChinaDay,
  type WorkerLessonSummary,
  type WorkplaceCard,
} from '@ankang/shared';

export function meFixture(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 'u-1',
    displayName: '李建国',
    phone: '13812341234',
    roles: [],
    employeeNumber: null,
    workerGroups: [],
    enterprise: null,
    pendingBinding: null,
    createdAt: '2024-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A role held at a node with a known id (for scope checks). */
export function roleAt(role: Role, orgUnitId: string, orgUnitName: string, orgUnitKind: OrgKind): RoleGrantSummary {
  return { role, orgUnitId, orgUnitName, orgUnitKind };
}

export function workplaceCardFixture(overrides: Partial<WorkplaceCard> = {}): WorkplaceCard {
  return {
    id: '42',
    code: 'HK-COAL-01',
    name: '主井口',
    address: '青海省海东市互助县河口镇',
    industry: null,
    latitude: null,
    longitude: null,
    enterprise: { id: '7', name: '河口煤业有限公司', industry: Industry.CoalMine },
    grid: { id: '3', name: '河口镇第一网格', officerName: '马网格' },
    ...overrides,
  };
}

export function bindingFixture(overrides: Partial<EnterpriseBindingSummary> = {}): EnterpriseBindingSummary {
  return {
    id: 'b-1',
    status: BindingStatus.Pending,
    enterprise: { id: '7', name: '河口煤业有限公司' },
    workplace: { id: '42', name: '主井口', code: 'HK-COAL-01' },
    reason: null,
    createdAt: '2024-12-02T00:30:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

export function bindingRequestFixture(overrides: Partial<EnterpriseBinding> = {}): EnterpriseBinding {
  return {
    ...bindingFixture(),
    user: { id: 'u-5', displayName: '王小明', phone: '139****5678', employeeNumber: 'HK-0815' },
    ...overrides,
  };
}

export function orgUnitFixture(overrides: Partial<OrgUnitSummary> = {}): OrgUnitSummary {
  return {
    id: '1',
    kind: OrgKind.Union,
    name: '青海省总工会',
    parentId: null,
    industry: null,
    code: null,
    address: null,
    latitude: null,
    longitude: null,
    bindingMode: null,
    gridId: null,
    archived: false,
    childCount: 0,
    ...overrides,
  };
}

export function orgDetailFixture(overrides: Partial<OrgUnitDetail> = {}): OrgUnitDetail {
  return {
    ...orgUnitFixture(),
    ancestors: [],
    createdAt: '2024-11-01T00:00:00.000Z',
    updatedAt: '2024-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An enterprise that binds workers after an officer approves. */
export function enterpriseFixture(overrides: Partial<OrgUnitDetail> = {}): OrgUnitDetail {
  return orgDetailFixture({
    id: '7',
    kind: OrgKind.Enterprise,
    name: '河口煤业有限公司',
    parentId: '3',
    industry: Industry.CoalMine,
    bindingMode: BindingMode.Approval,
    address: '互助县河口镇',
    childCount: 2,
    ...overrides,
  });
}

export function hazardSummaryFixture(overrides: Partial<HazardTicketSummary> = {}): HazardTicketSummary {
  return {
    id: '501',
    code: 'HZ-20261129-0001',
    state: HazardState.Submitted,
    grade: null,
    category: HazardCategory.UnsafeCondition,
    industry: Industry.CoalMine,
    description: '3 号皮带机护罩缺失',
    workplace: { id: '42', name: '主井口', code: 'HK-COAL-01' },
    enterprise: { id: '7', name: '河口煤业有限公司' },
    deadline: null,
    overdue: false,
    thumbnailUrl: '/api/v1/hazards/501/photos/9001?variant=thumbnail',
    createdAt: '2026-11-29T01:30:00.000Z',
    updatedAt: '2026-11-29T01:30:00.000Z',
    ...overrides,
  };
}

export function hazardPhotoFixture(overrides: Partial<HazardPhoto> = {}): HazardPhoto {
  const id = overrides.id ?? '9001';
  return {
    id,
    kind: HazardPhotoKind.Report,
    contentType: 'image/jpeg',
    width: 1920,
    height: 1440,
    url: `/api/v1/hazards/501/photos/${id}`,
    thumbnailUrl: `/api/v1/hazards/501/photos/${id}?variant=thumbnail`,
    createdAt: '2026-11-29T01:29:00.000Z',
    ...overrides,
  };
}

export function hazardDetailFixture(overrides: Partial<HazardTicketDetail> = {}): HazardTicketDetail {
  return {
    ...hazardSummaryFixture(),
    locationNote: '主井口东侧',
    reporterVisibility: ReporterVisibility.Named,
    reporter: { id: 'u-1', displayName: '李建国' },
    assignment: null,
    pendingExtension: null,
    duplicateOf: null,
    rejectReason: null,
    authorityReport: null,
    photos: [hazardPhotoFixture()],
    events: [
      {
        id: 'e-1',
        action: 'report',
        fromState: null,
        toState: HazardState.Submitted,
        actor: { id: 'u-1', displayName: '李建国' },
        note: null,
        createdAt: '2026-11-29T01:30:00.000Z',
      },
    ],
    actions: [],
    closedAt: null,
    ...overrides,
  };
}

// ── Training and 班前打卡 ──

/** Today in China, and an instant `hours:minutes` China time on it. */
export const TODAY = chinaDateOf(new Date());
export function todayAt(hours: number, minutes: number): string {
  return new Date(startOfChinaDay(TODAY).getTime() + (hours * 60 + minutes) * 60_000).toISOString();
}

export function checkInCardFixture(overrides: Partial<CheckInCard> = {}): CheckInCard {
  return {
    id: 'ci-1',
    day: TODAY,
    worker: { id: 'u-1', displayName: '李建国' },
    workplace: { id: '42', name: '主井口' },
    enterprise: { id: '7', name: '河口煤业有限公司' },
    clearance: ShiftClearance.LessonPending,
    checkedInAt: todayAt(7, 32),
    clearedAt: null,
    todaysLesson: {
      id: 'l-1',
      title: '有限空间作业：先通风、再检测、后作业',
      reason: LessonReason.Required,
      durationSeconds: 180,
    },
    passedLesson: null,
    advice: null,
    ...overrides,
  };
}

/** A lesson as the worker studies it: one question of each type, and no wait unless a test sets one. */
export function lessonAttemptFixture(overrides: Partial<LessonAttempt> = {}): LessonAttempt {
  const openedAt = new Date().toISOString();
  return {
    id: 'att-1',
    lessonId: 'l-1',
    version: 2,
    title: '有限空间作业：先通风、再检测、后作业',
    topic: LessonTopic.OperatingProcedure,
    bodyHtml:
      '<h3>三条铁律</h3><p>进入有限空间前，<strong>先通风、再检测、后作业</strong>。</p><ul><li>未经检测严禁进入</li><li>必须有人监护</li></ul>',
    imageUrls: [],
    videoUrl: null,
    durationSeconds: 180,
    passMark: 80,
    questions: [
      {
        id: 'q1',
        type: QuestionType.SingleChoice,
        prompt: '进入有限空间作业前，第一步应当做什么？',
        options: [
          { id: 'a', text: '直接进入查看' },
          { id: 'b', text: '通风' },
          { id: 'c', text: '戴好口罩' },
        ],
      },
      {
        id: 'q2',
        type: QuestionType.MultipleChoice,
        prompt: '有限空间作业必须做到哪些？',
        options: [
          { id: 'a', text: '先检测气体' },
          { id: 'b', text: '设专人监护' },
          { id: 'c', text: '一个人快进快出' },
        ],
      },
      {
        id: 'q3',
        type: QuestionType.TrueFalse,
        prompt: '戴了防毒面具就可以不检测气体。',
        options: [
          { id: 'true', text: '正确' },
          { id: 'false', text: '错误' },
        ],
      },
    ],
    openedAt,
    submittableAt: openedAt,
    ...overrides,
  };
}

export function attemptResultFixture(overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    attemptId: 'att-1',
    lessonId: 'l-1',
    version: 2,
    score: 100,
    passMark: 80,
    passed: true,
    timeSpentSeconds: 125,
    questions: [
      {
        questionId: 'q1',
        prompt: '进入有限空间作业前，第一步应当做什么？',
        chosenOptionIds: ['b'],
        correctOptionIds: ['b'],
        score: 1,
        correct: true,
        explanation: '有限空间内可能缺氧或有毒，先通风置换。',
      },
      {
        questionId: 'q2',
        prompt: '有限空间作业必须做到哪些？',
        chosenOptionIds: ['a', 'b'],
        correctOptionIds: ['a', 'b'],
        score: 1,
        correct: true,
        explanation: '检测合格、专人监护，缺一不可。',
      },
      {
        questionId: 'q3',
        prompt: '戴了防毒面具就可以不检测气体。',
        chosenOptionIds: ['false'],
        correctOptionIds: ['false'],
        score: 1,
        correct: true,
        explanation: '过滤式面具在缺氧环境中无效，必须检测。',
      },
    ],
    submittedAt: new Date().toISOString(),
    clearance: null,
    ...overrides,
  };
}

export function workerLessonFixture(overrides: Partial<WorkerLessonSummary> = {}): WorkerLessonSummary {
  return {
    id: 'l-1',
    title: '有限空间作业：先通风、再检测、后作业',
    topic: LessonTopic.OperatingProcedure,
    durationSeconds: 180,
    required: true,
    dueOn: null,
    passed: false,
    lastCompletedAt: null,
    ...overrides,
  };
}

export function lessonSummaryFixture(overrides: Partial<LessonSummary> = {}): LessonSummary {
  return {
    id: 'l-1',
    title: '有限空间作业：先通风、再检测、后作业',
    topic: LessonTopic.OperatingProcedure,
    status: LessonStatus.Draft,
    version: 1,
    durationSeconds: 180,
    owner: { id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise },
    workerGroups: [],
    industries: [],
    updatedAt: '2026-11-29T01:30:00.000Z',
    ...overrides,
  };
}

export function lessonDetailFixture(overrides: Partial<LessonDetail> = {}): LessonDetail {
  return {
    ...lessonSummaryFixture(),
    bodyHtml: '<p>进入有限空间前，<strong>先通风、再检测、后作业</strong>。</p>',
    imageIds: [],
    imageUrls: [],
    videoUrl: null,
    passMark: 80,
    questions: [
      {
        id: 'q1',
        type: QuestionType.SingleChoice,
        prompt: '进入有限空间作业前，第一步应当做什么？',
        options: [
          { id: 'a', text: '直接进入查看' },
          { id: 'b', text: '通风' },
        ],
        correctOptionIds: ['b'],
        explanation: '先通风置换。',
      },
    ],
    publishedAt: null,
    ...overrides,
  };
}

export function rollCallEntryFixture(overrides: Partial<RollCallEntry> = {}): RollCallEntry {
  return {
    workerId: 'u-5',
    displayName: '王小明',
    employeeNumber: 'HK-0815',
    clearance: ShiftClearance.Cleared,
    checkedInAt: todayAt(7, 30),
    clearedAt: todayAt(7, 35),
    declaration: null,
    ...overrides,
  };
}

export function noticeSummaryFixture(overrides: Partial<NoticeSummary> = {}): NoticeSummary {
  return {
    id: 'n-1',
    title: '关于做好冬季安全生产工作的通知',
    kind: NoticeKind.Warning,
    state: NoticeState.Published,
    scope: { id: '5', name: '海东市总工会', kind: OrgKind.Union },
    acknowledgementRequired: true,
    author: { id: 'u-1', displayName: '马干事' },
    publishAt: null,
    publishedAt: '2026-11-30T02:00:00.000Z',
    withdrawnAt: null,
    fanOut: { state: NoticeFanOutState.Done, recipients: 10 },
    updatedAt: '2026-11-30T02:00:00.000Z',
    ...overrides,
  };
}

/** A notice as the worker sees it (我的通知): unread, awaiting 已阅知. */
export function myNoticeFixture(overrides: Partial<MyNotice> = {}): MyNotice {
  return {
    id: 'n-1',
    title: '关于做好冬季安全生产工作的通知',
    kind: NoticeKind.Warning,
    bodyHtml: '<p>入冬以来气温骤降。</p>',
    from: '海东市总工会',
    publishedAt: '2026-11-29T01:30:00.000Z',
    acknowledgementRequired: true,
    readAt: null,
    acknowledgedAt: null,
    ...overrides,
  };
}
