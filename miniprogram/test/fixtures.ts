/**
 * Records as the API sends them, with every field of the shared contract, for tests to vary.
 */
import {
  BindingMode,
  BindingStatus,
  type EnterpriseBinding,
  type EnterpriseBindingSummary,
  HazardCategory,
  type HazardPhoto,
  HazardPhotoKind,
  HazardState,
  type HazardTicketDetail,
  type HazardTicketSummary,
  Industry,
  type MeResponse,
  OrgKind,
  type OrgUnitDetail,
  type OrgUnitSummary,
  ReporterVisibility,
  type Role,
  type RoleGrantSummary,
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
