import { BindingMode, Industry, OrgKind, Role, WorkerGroup } from '@ankang/shared';

/**
 * The demo province: a province union with three cities, counties under them and two industry
 * unions; enterprises in all twelve key industries, each with its workplaces and their entrance
 * codes; grids with their grid officers; and demo people for every role at several levels of the
 * tree. Names, addresses, phone numbers and coordinates are fictional. Keys tie the data together;
 * ids are assigned by the database.
 *
 *   示范省总工会 ─┬─ 东川市总工会 ─┬─ 河口县总工会 ─┬─ 河口煤业 (煤矿, 审核)
 *                │               │                ├─ 青石岭矿业 (非煤矿山, 审核)
 *                │               │                └─ 河口县供电公司 (电力, 自动)
 *                │               ├─ 东川建工 (建筑施工, 自动)
 *                │               ├─ 东川城市燃气 (城镇燃气, 自动)
 *                │               └─ 东山区总工会 ── 东川市第二职业中学 (教育, 自动)
 *                ├─ 西岭市总工会 ─┬─ 西岭化工 (危险化学品, 审核)
 *                │               ├─ 西岭公交 (道路交通, 自动)
 *                │               └─ 岩山县总工会 ── 岩山民爆 (民爆器材, 审核)
 *                ├─ 南湖市总工会 ─┬─ 南湖重型起重机械 (特种设备, 审核)
 *                │               └─ 临江区总工会 ── 临江商业广场物业 (消防, 自动)
 *                ├─ 省能源化学地质工会 ── 省能源投资集团油气储运 (能源, 审核)
 *                └─ 省建设工会 ── 省路桥建设集团第三工程 (建筑施工, 自动)
 */

export interface DemoOrgUnit {
  key: string;
  parentKey: string | null;
  kind: OrgKind;
  name: string;
  /** Enterprises; their workplaces inherit it. */
  industry?: Industry;
  /** Enterprises only. */
  bindingMode?: BindingMode;
  /** Workplaces only: the public code printed in the entrance QR code. */
  code?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  /** Workplaces only: the grid they belong to (see DEMO_GRIDS). */
  gridKey?: string;
}

/** What every demo person has, whether or not the login picker offers them. */
export interface DemoPerson {
  displayName: string;
  phone: string;
  /** The enterprise a worker or officer is bound to. */
  enterpriseKey?: string;
  employeeNumber?: string;
  workerGroups?: WorkerGroup[];
  grants: { role: Role; orgKey: string }[];
}

/** A person the H5 dev login picker offers. */
export interface DemoUser extends DemoPerson {
  username: string;
  /** Shown on the H5 dev login picker: who they are and what to try with them. */
  description: string;
}

/** A colleague who cannot log in through the picker: they make lists and approvals less empty. */
export interface DemoColleague extends DemoPerson {
  key: string;
}

export interface DemoGrid {
  key: string;
  unionKey: string;
  name: string;
  /** The demo user who is the grid officer. */
  officerUsername: string;
}

/** A pending 「我在这里工作」 request for an officer to decide. */
export interface DemoBindingRequest {
  /** A demo user's username or a colleague's key. */
  applicant: string;
  workplaceKey: string;
  /** Fixed, so that the seeded request looks like any retried request of the same phone. */
  clientKey: string;
  minutesAgo: number;
}

export const DEMO_ORG_UNITS: readonly DemoOrgUnit[] = [
  union('province', null, '示范省总工会'),

  union('dongchuan', 'province', '东川市总工会'),
  union('hekou', 'dongchuan', '河口县总工会'),
  enterprise('coal', 'hekou', '河口煤业有限公司', Industry.CoalMine, BindingMode.Approval, '河口县矿区路 1 号'),
  {
    ...workplace('coal-shaft', 'coal', '主井口', 'HK-COAL-01', '河口县矿区路 1 号主井', 'hekou-mines'),
    latitude: 34.6121,
    longitude: 108.3402,
  },
  {
    ...workplace('coal-washery', 'coal', '选煤厂', 'HK-COAL-02', '河口县矿区路 1 号选煤厂', 'hekou-mines'),
    latitude: 34.6135,
    longitude: 108.3437,
  },
  workplace('coal-face', 'coal', '井下综采一队工作面', 'HK-COAL-03', '河口煤矿井下 3102 工作面', 'hekou-mines'),
  enterprise(
    'quarry',
    'hekou',
    '河口县青石岭矿业有限公司',
    Industry.NonCoalMine,
    BindingMode.Approval,
    '河口县青石岭村',
  ),
  {
    ...workplace('quarry-pit', 'quarry', '石灰岩露天采场', 'HK-MINE-01', '河口县青石岭村北山', 'hekou-mines'),
    latitude: 34.6402,
    longitude: 108.3011,
  },
  workplace('quarry-tailings', 'quarry', '尾矿库', 'HK-MINE-02', '河口县青石岭村西沟', 'hekou-mines'),
  enterprise('power', 'hekou', '河口县供电公司', Industry.Power, BindingMode.Automatic, '河口县电力路 8 号'),
  {
    ...workplace('power-substation', 'power', '110kV 城南变电站', 'HK-POWER-01', '河口县城南路 5 号', 'hekou-town'),
    latitude: 34.5987,
    longitude: 108.3551,
  },
  workplace('power-repair', 'power', '抢修班驻点', 'HK-POWER-02', '河口县电力路 8 号后院', 'hekou-town'),

  enterprise(
    'construction',
    'dongchuan',
    '东川建工集团有限公司',
    Industry.Construction,
    BindingMode.Automatic,
    '东川市建设大道 66 号',
  ),
  {
    ...workplace(
      'construction-site-a',
      'construction',
      '滨江花园项目工地',
      'DC-BUILD-01',
      '东川市滨江路 18 号',
      'dongchuan-city',
    ),
    latitude: 34.7512,
    longitude: 108.5123,
  },
  workplace(
    'construction-site-b',
    'construction',
    '地铁三号线第二标段',
    'DC-BUILD-02',
    '东川市人民路站',
    'dongchuan-city',
  ),
  workplace(
    'construction-plant',
    'construction',
    '预制构件厂',
    'DC-BUILD-03',
    '东川市经开区纬五路 2 号',
    'dongchuan-city',
  ),
  enterprise('gas', 'dongchuan', '东川城市燃气有限公司', Industry.CityGas, BindingMode.Automatic, '东川市燃气路 12 号'),
  {
    ...workplace('gas-station', 'gas', '城北燃气调压站', 'DC-GAS-01', '东川市北环路 9 号', 'dongchuan-city'),
    latitude: 34.7801,
    longitude: 108.4987,
  },
  workplace('gas-service', 'gas', '入户安检班组', 'DC-GAS-02', '东川市燃气路 12 号', 'dongchuan-city'),
  union('dongshan', 'dongchuan', '东川市东山区总工会'),
  enterprise(
    'school',
    'dongshan',
    '东川市第二职业中学',
    Industry.Education,
    BindingMode.Automatic,
    '东川市东山区学府路 10 号',
  ),
  workplace(
    'school-workshop',
    'school',
    '实训楼机加工车间',
    'DS-EDU-01',
    '东川市东山区学府路 10 号实训楼',
    'dongchuan-city',
  ),
  workplace('school-canteen', 'school', '学生食堂', 'DS-EDU-02', '东川市东山区学府路 10 号', 'dongchuan-city'),

  union('xiling', 'province', '西岭市总工会'),
  enterprise(
    'chemicals',
    'xiling',
    '西岭化工集团有限公司',
    Industry.HazardousChemicals,
    BindingMode.Approval,
    '西岭市化工园区纬三路 3 号',
  ),
  {
    ...workplace(
      'chemicals-ammonia',
      'chemicals',
      '合成氨车间',
      'XL-CHEM-01',
      '西岭市化工园区纬三路 3 号一区',
      'xiling-park',
    ),
    latitude: 35.1023,
    longitude: 107.8811,
  },
  workplace(
    'chemicals-store',
    'chemicals',
    '危险化学品仓库',
    'XL-CHEM-02',
    '西岭市化工园区纬三路 3 号仓储区',
    'xiling-park',
  ),
  workplace(
    'chemicals-loading',
    'chemicals',
    '液氨装车站台',
    'XL-CHEM-03',
    '西岭市化工园区纬三路 3 号东门',
    'xiling-park',
  ),
  enterprise(
    'transport',
    'xiling',
    '西岭公交运输有限公司',
    Industry.RoadTraffic,
    BindingMode.Automatic,
    '西岭市交通路 20 号',
  ),
  {
    ...workplace('transport-depot', 'transport', '公交调度中心', 'XL-BUS-01', '西岭市交通路 20 号', 'xiling-traffic'),
    latitude: 35.0871,
    longitude: 107.9023,
  },
  workplace('transport-yard', 'transport', '城东公交停保场', 'XL-BUS-02', '西岭市东环路 88 号', 'xiling-traffic'),
  union('yanshan', 'xiling', '岩山县总工会'),
  enterprise(
    'explosives',
    'yanshan',
    '岩山民爆器材有限公司',
    Industry.CivilExplosives,
    BindingMode.Approval,
    '岩山县红土沟 1 号',
  ),
  workplace('explosives-line', 'explosives', '乳化炸药生产线', 'YS-BLAST-01', '岩山县红土沟 1 号生产区', 'xiling-park'),
  {
    ...workplace('explosives-depot', 'explosives', '成品总库', 'YS-BLAST-02', '岩山县红土沟 1 号库区', 'xiling-park'),
    latitude: 35.2011,
    longitude: 107.7432,
  },

  union('nanhu', 'province', '南湖市总工会'),
  enterprise(
    'crane',
    'nanhu',
    '南湖重型起重机械有限公司',
    Industry.SpecialEquipment,
    BindingMode.Approval,
    '南湖市装备产业园 6 号',
  ),
  workplace('crane-assembly', 'crane', '总装车间', 'NH-CRANE-01', '南湖市装备产业园 6 号 2 号厂房', 'nanhu-center'),
  {
    ...workplace('crane-test', 'crane', '整机试验场', 'NH-CRANE-02', '南湖市装备产业园 6 号南区', 'nanhu-center'),
    latitude: 33.9812,
    longitude: 108.9021,
  },
  union('linjiang', 'nanhu', '南湖市临江区总工会'),
  enterprise(
    'mall',
    'linjiang',
    '临江商业广场物业管理有限公司',
    Industry.Fire,
    BindingMode.Automatic,
    '南湖市临江区江滨大道 99 号',
  ),
  workplace('mall-control', 'mall', '消防控制室', 'LJ-FIRE-01', '南湖市临江区江滨大道 99 号 B1', 'nanhu-center'),
  {
    ...workplace('mall-garage', 'mall', '地下停车库', 'LJ-FIRE-02', '南湖市临江区江滨大道 99 号 B2', 'nanhu-center'),
    latitude: 33.9623,
    longitude: 108.9345,
  },
  workplace('mall-kitchens', 'mall', '美食城后厨', 'LJ-FIRE-03', '南湖市临江区江滨大道 99 号 4 层', 'nanhu-center'),

  union('energy-union', 'province', '省能源化学地质工会'),
  enterprise(
    'oil',
    'energy-union',
    '省能源投资集团油气储运有限公司',
    Industry.Energy,
    BindingMode.Approval,
    '西岭市城西工业区油库路 1 号',
  ),
  {
    ...workplace('oil-depot', 'oil', '城西油库', 'PR-OIL-01', '西岭市城西工业区油库路 1 号', 'energy-storage'),
    latitude: 35.0712,
    longitude: 107.8402,
  },
  workplace('oil-pump', 'oil', '输油首站', 'PR-OIL-02', '东川市北郊输油站路 3 号', 'energy-storage'),

  union('building-union', 'province', '省建设工会'),
  enterprise(
    'bridge',
    'building-union',
    '省路桥建设集团第三工程有限公司',
    Industry.Construction,
    BindingMode.Automatic,
    '南湖市建设北路 200 号',
  ),
  // Outside every grid on purpose: the staff pages show how a workplace without one looks.
  workplace('bridge-section', 'bridge', '西岭绕城高速第 5 标段', 'PR-ROAD-01', '西岭市绕城高速 K23+400'),
  workplace('bridge-asphalt', 'bridge', '沥青拌合站', 'PR-ROAD-02', '西岭市绕城高速 K25 拌合站'),
];

function union(key: string, parentKey: string | null, name: string): DemoOrgUnit {
  return { key, parentKey, kind: OrgKind.Union, name };
}

function enterprise(
  key: string,
  parentKey: string,
  name: string,
  industry: Industry,
  bindingMode: BindingMode,
  address: string,
): DemoOrgUnit {
  return { key, parentKey, kind: OrgKind.Enterprise, name, industry, bindingMode, address };
}

function workplace(
  key: string,
  enterpriseKey: string,
  name: string,
  code: string,
  address: string,
  gridKey?: string,
): DemoOrgUnit {
  return { key, parentKey: enterpriseKey, kind: OrgKind.Workplace, name, code, address, gridKey };
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'demo-worker',
    displayName: '张建国',
    description: '河口煤业主井口采煤机司机（特种作业）。扫主井口的码，体验班前打卡、今日培训和随手拍',
    phone: '13800000001',
    enterpriseKey: 'coal',
    employeeNumber: 'HKMY-0357',
    workerGroups: [WorkerGroup.SpecialOperations],
    grants: [{ role: Role.Worker, orgKey: 'coal' }],
  },
  {
    username: 'demo-worker-chemicals',
    displayName: '李秀英',
    description: '西岭化工合成氨车间操作工（新入职、高风险岗位）。体验新人岗前培训和隐患上报',
    phone: '13800000002',
    enterpriseKey: 'chemicals',
    employeeNumber: 'XLHG-2025-118',
    workerGroups: [WorkerGroup.NewHire, WorkerGroup.HighRisk],
    grants: [{ role: Role.Worker, orgKey: 'chemicals' }],
  },
  {
    username: 'demo-worker-construction',
    displayName: '赵大勇',
    description: '东川建工滨江花园工地架子工（外协、特种作业）。在工地扫码随手拍',
    phone: '13800000003',
    enterpriseKey: 'construction',
    employeeNumber: 'DCJG-W-0921',
    workerGroups: [WorkerGroup.Outsourced, WorkerGroup.SpecialOperations],
    grants: [{ role: Role.Worker, orgKey: 'construction' }],
  },
  {
    username: 'demo-worker-power',
    displayName: '韩磊',
    description: '河口县供电公司抢修班电工（特种作业、非常规作业）。企业扫码即绑定，看自己的资料和班组',
    phone: '13800000004',
    enterpriseKey: 'power',
    employeeNumber: 'HKGD-0042',
    workerGroups: [WorkerGroup.SpecialOperations, WorkerGroup.NonRoutine],
    grants: [{ role: Role.Worker, orgKey: 'power' }],
  },
  {
    username: 'demo-applicant',
    displayName: '何小军',
    description: '刚到河口煤业的新职工，已在主井口申请「我在这里工作」，等安全员王强审核；在「我的」看审核状态',
    phone: '13800000005',
    grants: [],
  },
  {
    username: 'demo-officer',
    displayName: '王强',
    description: '河口煤业安全员（绑定需审核）。审核「我在这里工作」申请，管理本企业职工、作业场所和二维码',
    phone: '13800000011',
    enterpriseKey: 'coal',
    employeeNumber: 'HKMY-0008',
    grants: [{ role: Role.Officer, orgKey: 'coal' }],
  },
  {
    username: 'demo-officer-chemicals',
    displayName: '陈静',
    description: '西岭化工安全环保部安全员。管理本企业职工、作业场所和二维码，看不到其他企业',
    phone: '13800000012',
    enterpriseKey: 'chemicals',
    employeeNumber: 'XLHG-2016-003',
    grants: [{ role: Role.Officer, orgKey: 'chemicals' }],
  },
  {
    username: 'demo-officer-energy',
    displayName: '高峰',
    description: '省能源投资集团油气储运公司安全员，企业隶属省能源化学地质工会（行业工会）',
    phone: '13800000013',
    enterpriseKey: 'oil',
    employeeNumber: 'SNT-0310',
    grants: [{ role: Role.Officer, orgKey: 'oil' }],
  },
  {
    username: 'demo-union-county',
    displayName: '刘芳',
    description: '河口县总工会劳动保护部干部，河口矿区和城区网格员。看本县企业、网格和职工',
    phone: '13800000021',
    grants: [{ role: Role.UnionStaff, orgKey: 'hekou' }],
  },
  {
    username: 'demo-union-city',
    displayName: '周明',
    description: '东川市总工会劳动保护部干部，东川城区网格员。看全市（含河口县、东山区），看不到西岭',
    phone: '13800000022',
    grants: [{ role: Role.UnionStaff, orgKey: 'dongchuan' }],
  },
  {
    username: 'demo-union-xiling',
    displayName: '吴敏',
    description: '西岭市总工会劳动保护部干部，化工园区和交通网格员。与东川互不可见，试试数据隔离',
    phone: '13800000023',
    grants: [{ role: Role.UnionStaff, orgKey: 'xiling' }],
  },
  {
    username: 'demo-union-nanhu',
    displayName: '郑丽',
    description: '南湖市总工会劳动保护部干部，南湖中心城区网格员。划分网格、下载作业场所二维码',
    phone: '13800000025',
    grants: [{ role: Role.UnionStaff, orgKey: 'nanhu' }],
  },
  {
    username: 'demo-union-industry',
    displayName: '钱伟',
    description: '省能源化学地质工会劳动保护部干部，油气储运网格员。行业工会只看本系统企业',
    phone: '13800000026',
    grants: [{ role: Role.UnionStaff, orgKey: 'energy-union' }],
  },
  {
    username: 'demo-union-province',
    displayName: '孙海涛',
    description: '示范省总工会劳动保护部干部。浏览全省组织树、网格和人员，给下级授予角色',
    phone: '13800000024',
    grants: [{ role: Role.UnionStaff, orgKey: 'province' }],
  },
  {
    username: 'demo-admin',
    displayName: '系统管理员',
    description: '示范省总工会信息中心。维护全省组织树、作业场所、二维码、网格和角色',
    phone: '13800000031',
    grants: [{ role: Role.Admin, orgKey: 'province' }],
  },
  {
    username: 'demo-admin-nanhu',
    displayName: '林志刚',
    description: '南湖市总工会信息科系统管理员。只能维护南湖市范围内的组织、作业场所和角色',
    phone: '13800000032',
    grants: [{ role: Role.Admin, orgKey: 'nanhu' }],
  },
];

export const DEMO_USERNAMES: readonly string[] = DEMO_USERS.map((user) => user.username);

export const DEMO_COLLEAGUES: readonly DemoColleague[] = [
  {
    key: 'coal-driller',
    displayName: '李铁柱',
    phone: '13800000101',
    enterpriseKey: 'coal',
    employeeNumber: 'HKMY-0412',
    workerGroups: [WorkerGroup.SpecialOperations, WorkerGroup.HighRisk],
    grants: [{ role: Role.Worker, orgKey: 'coal' }],
  },
  {
    key: 'chemicals-operator',
    displayName: '钱小燕',
    phone: '13800000102',
    enterpriseKey: 'chemicals',
    employeeNumber: 'XLHG-2023-087',
    workerGroups: [WorkerGroup.HighRisk],
    grants: [{ role: Role.Worker, orgKey: 'chemicals' }],
  },
  {
    key: 'construction-welder',
    displayName: '孙大伟',
    phone: '13800000103',
    enterpriseKey: 'construction',
    employeeNumber: 'DCJG-W-1107',
    workerGroups: [WorkerGroup.Outsourced, WorkerGroup.NonRoutine],
    grants: [{ role: Role.Worker, orgKey: 'construction' }],
  },
  {
    key: 'bus-driver',
    displayName: '黄卫东',
    phone: '13800000104',
    enterpriseKey: 'transport',
    employeeNumber: 'XLGJ-D-1021',
    grants: [{ role: Role.Worker, orgKey: 'transport' }],
  },
  {
    key: 'coal-newcomer',
    displayName: '马志远',
    phone: '13800000105',
    grants: [],
  },
];

export const DEMO_GRIDS: readonly DemoGrid[] = [
  { key: 'hekou-mines', unionKey: 'hekou', name: '河口矿区网格', officerUsername: 'demo-union-county' },
  { key: 'hekou-town', unionKey: 'hekou', name: '河口城区网格', officerUsername: 'demo-union-county' },
  { key: 'dongchuan-city', unionKey: 'dongchuan', name: '东川城区网格', officerUsername: 'demo-union-city' },
  { key: 'xiling-park', unionKey: 'xiling', name: '西岭化工园区网格', officerUsername: 'demo-union-xiling' },
  { key: 'xiling-traffic', unionKey: 'xiling', name: '西岭交通运输网格', officerUsername: 'demo-union-xiling' },
  { key: 'nanhu-center', unionKey: 'nanhu', name: '南湖中心城区网格', officerUsername: 'demo-union-nanhu' },
  { key: 'energy-storage', unionKey: 'energy-union', name: '油气储运网格', officerUsername: 'demo-union-industry' },
];

export const DEMO_BINDING_REQUESTS: readonly DemoBindingRequest[] = [
  {
    applicant: 'demo-applicant',
    workplaceKey: 'coal-shaft',
    clientKey: '5d1f0c8e-2b7a-4c3e-9a41-0d6e8f2b7c01',
    minutesAgo: 25,
  },
  {
    applicant: 'coal-newcomer',
    workplaceKey: 'coal-washery',
    clientKey: '9b3e7a52-64d1-4f0b-8c2e-71a5d9e4f302',
    minutesAgo: 140,
  },
];
