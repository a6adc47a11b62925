import { Industry, OrgKind, Role } from '@ankang/shared';

/**
 * The demo province: a province union, two city unions, a county union, six enterprises in the key
 * industries and two workplaces each, and demo users for every role at several levels. Names are
 * fictional. Keys tie the tree together; ids are assigned by the database.
 */

export interface DemoOrgUnit {
  key: string;
  parentKey: string | null;
  kind: OrgKind;
  name: string;
  industry?: Industry;
  /** Workplaces only: the public code printed in the entrance QR code. */
  code?: string;
  address?: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  /** Shown on the H5 dev login picker. */
  description: string;
  phone: string;
  enterpriseKey?: string;
  grants: { role: Role; orgKey: string }[];
}

export const DEMO_ORG_UNITS: readonly DemoOrgUnit[] = [
  { key: 'province', parentKey: null, kind: OrgKind.Union, name: '示范省总工会' },
  { key: 'dongchuan', parentKey: 'province', kind: OrgKind.Union, name: '东川市总工会' },
  { key: 'xiling', parentKey: 'province', kind: OrgKind.Union, name: '西岭市总工会' },
  { key: 'hekou', parentKey: 'dongchuan', kind: OrgKind.Union, name: '河口县总工会' },

  {
    key: 'coal',
    parentKey: 'hekou',
    kind: OrgKind.Enterprise,
    name: '河口煤业有限公司',
    industry: Industry.CoalMine,
    address: '河口县矿区路 1 号',
  },
  {
    key: 'power',
    parentKey: 'hekou',
    kind: OrgKind.Enterprise,
    name: '河口县供电公司',
    industry: Industry.Power,
    address: '河口县电力路 8 号',
  },
  {
    key: 'construction',
    parentKey: 'dongchuan',
    kind: OrgKind.Enterprise,
    name: '东川建工集团有限公司',
    industry: Industry.Construction,
    address: '东川市建设大道 66 号',
  },
  {
    key: 'gas',
    parentKey: 'dongchuan',
    kind: OrgKind.Enterprise,
    name: '东川城市燃气有限公司',
    industry: Industry.CityGas,
    address: '东川市燃气路 12 号',
  },
  {
    key: 'chemicals',
    parentKey: 'xiling',
    kind: OrgKind.Enterprise,
    name: '西岭化工集团有限公司',
    industry: Industry.HazardousChemicals,
    address: '西岭市化工园区纬三路 3 号',
  },
  {
    key: 'transport',
    parentKey: 'xiling',
    kind: OrgKind.Enterprise,
    name: '西岭公交运输有限公司',
    industry: Industry.RoadTraffic,
    address: '西岭市交通路 20 号',
  },

  workplace('coal-shaft', 'coal', '主井口', 'HK-COAL-01', '河口县矿区路 1 号主井'),
  workplace('coal-washery', 'coal', '选煤厂', 'HK-COAL-02', '河口县矿区路 1 号选煤厂'),
  workplace('power-substation', 'power', '110kV 城南变电站', 'HK-POWER-01', '河口县城南路 5 号'),
  workplace('power-repair', 'power', '抢修班驻点', 'HK-POWER-02', '河口县电力路 8 号后院'),
  workplace('construction-site-a', 'construction', '滨江花园项目工地', 'DC-BUILD-01', '东川市滨江路 18 号'),
  workplace('construction-site-b', 'construction', '地铁三号线第二标段', 'DC-BUILD-02', '东川市人民路站'),
  workplace('gas-station', 'gas', '城北燃气调压站', 'DC-GAS-01', '东川市北环路 9 号'),
  workplace('gas-service', 'gas', '入户安检班组', 'DC-GAS-02', '东川市燃气路 12 号'),
  workplace('chemicals-ammonia', 'chemicals', '合成氨车间', 'XL-CHEM-01', '西岭市化工园区纬三路 3 号一区'),
  workplace('chemicals-store', 'chemicals', '危险化学品仓库', 'XL-CHEM-02', '西岭市化工园区纬三路 3 号仓储区'),
  workplace('transport-depot', 'transport', '公交调度中心', 'XL-BUS-01', '西岭市交通路 20 号'),
  workplace('transport-yard', 'transport', '城东公交停保场', 'XL-BUS-02', '西岭市东环路 88 号'),
];

function workplace(key: string, enterpriseKey: string, name: string, code: string, address: string): DemoOrgUnit {
  return { key, parentKey: enterpriseKey, kind: OrgKind.Workplace, name, code, address };
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'demo-worker',
    displayName: '张建国',
    description: '河口煤业 主井口 采煤工',
    phone: '13800000001',
    enterpriseKey: 'coal',
    grants: [{ role: Role.Worker, orgKey: 'coal' }],
  },
  {
    username: 'demo-worker-chemicals',
    displayName: '李秀英',
    description: '西岭化工 合成氨车间 操作工（新入职）',
    phone: '13800000002',
    enterpriseKey: 'chemicals',
    grants: [{ role: Role.Worker, orgKey: 'chemicals' }],
  },
  {
    username: 'demo-worker-construction',
    displayName: '赵大勇',
    description: '东川建工 滨江花园工地 架子工（外协）',
    phone: '13800000003',
    enterpriseKey: 'construction',
    grants: [{ role: Role.Worker, orgKey: 'construction' }],
  },
  {
    username: 'demo-officer',
    displayName: '王强',
    description: '河口煤业 安全员',
    phone: '13800000011',
    enterpriseKey: 'coal',
    grants: [{ role: Role.Officer, orgKey: 'coal' }],
  },
  {
    username: 'demo-officer-chemicals',
    displayName: '陈静',
    description: '西岭化工 安全环保部 安全员',
    phone: '13800000012',
    enterpriseKey: 'chemicals',
    grants: [{ role: Role.Officer, orgKey: 'chemicals' }],
  },
  {
    username: 'demo-union-county',
    displayName: '刘芳',
    description: '河口县总工会 劳动保护部',
    phone: '13800000021',
    grants: [{ role: Role.UnionStaff, orgKey: 'hekou' }],
  },
  {
    username: 'demo-union-city',
    displayName: '周明',
    description: '东川市总工会 劳动保护部',
    phone: '13800000022',
    grants: [{ role: Role.UnionStaff, orgKey: 'dongchuan' }],
  },
  {
    username: 'demo-union-xiling',
    displayName: '吴敏',
    description: '西岭市总工会 劳动保护部',
    phone: '13800000023',
    grants: [{ role: Role.UnionStaff, orgKey: 'xiling' }],
  },
  {
    username: 'demo-union-province',
    displayName: '孙海涛',
    description: '示范省总工会 劳动保护部',
    phone: '13800000024',
    grants: [{ role: Role.UnionStaff, orgKey: 'province' }],
  },
  {
    username: 'demo-admin',
    displayName: '系统管理员',
    description: '示范省总工会 信息中心',
    phone: '13800000031',
    grants: [{ role: Role.Admin, orgKey: 'province' }],
  },
];

export const DEMO_USERNAMES: readonly string[] = DEMO_USERS.map((user) => user.username);
