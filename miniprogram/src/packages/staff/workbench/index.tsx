import {
  HAZARD_GRADE_LABELS,
  HAZARD_STATE_LABELS,
  HazardState,
  Permission,
  type RoleGrantSummary,
} from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BulletList, SectionCard, SoonBadge, StatusBlock, StepFlow } from '../../../components';
import { useMe } from '../../../features/auth';
import { STAFF_NOTICES_URL } from '../../../features/notices';
import { askForSubscriptions, useSubscriptionTemplates } from '../../../features/wechat-subscriptions';
import { HAZARD_QUEUE_URL, HAZARD_SUPERVISION_URL } from '../../../utils/hazard-pages';
import { hasPermission } from '../../../utils/permissions';
import { isStaff, roleGrantLine } from '../../../utils/roles';
import { LESSONS_URL, ROLL_CALL_URL } from '../../../utils/training-pages';
import './index.scss';

interface Tool {
  id: string;
  title: string;
  description: string;
  url: string;
  /** Shown when any of the person's roles has one of these. */
  permissions: readonly Permission[];
  /** Ask for WeChat subscribe messages on the tap that opens it (alerts of this work). */
  subscribe?: boolean;
}

const TOOLS: readonly Tool[] = [
  {
    id: 'tool-hazards',
    title: '隐患工单',
    description: '研判交办、立查立改、延期审批、验收销号',
    url: HAZARD_QUEUE_URL,
    permissions: [Permission.HazardHandle],
    subscribe: true,
  },
  {
    id: 'tool-supervision',
    title: '隐患督办',
    description: '辖区重大隐患和逾期隐患，报送主管部门',
    url: HAZARD_SUPERVISION_URL,
    permissions: [Permission.HazardSupervise],
    subscribe: true,
  },
  {
    id: 'tool-notices',
    title: '安全通知',
    description: '向辖区单位和重点人群发布通知，查看阅知情况并催办',
    url: STAFF_NOTICES_URL,
    permissions: [Permission.NoticeManage],
  },
  {
    id: 'tool-lessons',
    title: '培训课程',
    description: '编写安全微课和题目，发布并指派到单位',
    url: LESSONS_URL,
    permissions: [Permission.LessonManage],
  },
  {
    id: 'tool-roll-call',
    title: '班组点名',
    description: '作业场所当日准许上岗、暂不上岗、未打卡的职工',
    url: ROLL_CALL_URL,
    permissions: [Permission.RollCallRead],
  },
  {
    id: 'tool-org',
    title: '组织架构',
    description: '单位、作业场所和网格，场所二维码',
    url: '/packages/staff/org/index',
    permissions: [Permission.OrgRead],
  },
  {
    id: 'tool-people',
    title: '人员与角色',
    description: '查找辖区人员，授予和撤销角色',
    url: '/packages/staff/people/index',
    permissions: [Permission.UserRead, Permission.GrantManage],
  },
  {
    id: 'tool-bindings',
    title: '绑定审核',
    description: '职工「我在这里工作」的申请',
    url: '/packages/staff/bindings/index',
    permissions: [Permission.BindingDecide],
  },
];

function toolsFor(roles: readonly RoleGrantSummary[]): Tool[] {
  return TOOLS.filter((tool) => tool.permissions.some((permission) => hasPermission(roles, permission)));
}

const TICKET_FLOW = [
  HazardState.Submitted,
  HazardState.Assigned,
  HazardState.Rectifying,
  HazardState.PendingVerification,
  HazardState.Closed,
].map((state) => HAZARD_STATE_LABELS[state]);

/** 工作台 for enterprise safety officers and union staff (staff subpackage, outside the main package). */
export default function WorkbenchPage() {
  const { signedIn, load, reload } = useMe();
  const staff = load.state === 'ready' && isStaff(load.me.roles);
  const templateIds = useSubscriptionTemplates(staff);

  if (!signedIn || load.state === 'loading') {
    return <View className="page">{signedIn ? <StatusBlock text="正在加载…" /> : null}</View>;
  }
  if (load.state === 'failed') {
    return (
      <View className="page">
        <StatusBlock text={load.message} actionText="重新加载" onAction={() => void reload()} />
      </View>
    );
  }
  const { me } = load;
  if (!isStaff(me.roles)) {
    return (
      <View className="page">
        <StatusBlock text="工作台仅供企业安全员、工会干部和系统管理员使用。如需开通，请联系所在企业或工会。" />
      </View>
    );
  }

  return (
    <View className="page workbench">
      <View className="banner">
        <Text className="banner__title">工作台</Text>
        <Text className="banner__text">{me.roles.map(roleGrantLine).join('；')}</Text>
      </View>

      <View className="tools" id="workbench-tools">
        {toolsFor(me.roles).map((tool) => (
          <View
            className="tool"
            id={tool.id}
            key={tool.id}
            hoverClass="tool--pressed"
            onClick={() => {
              // WeChat shows the subscribe dialog only within the tap itself.
              if (tool.subscribe) {
                void askForSubscriptions(templateIds);
              }
              void Taro.navigateTo({ url: tool.url });
            }}
          >
            <View className="tool__main">
              <Text className="tool__title">{tool.title}</Text>
              <Text className="tool__description">{tool.description}</Text>
            </View>
            <Text className="tool__go">›</Text>
          </View>
        ))}
      </View>

      <SectionCard title="隐患工单闭环">
        <StepFlow steps={TICKET_FLOW} />
        <BulletList
          items={[
            `研判分级（${HAZARD_GRADE_LABELS.general} / ${HAZARD_GRADE_LABELS.major}），按“五定”交办：责任人、措施、资金、期限、预案。`,
            '现场能整改的“立查立改”，上传整改后照片直接待验收；验收人不能是整改人。',
            '逾期前一天提醒责任人，到期提醒企业安全员，逾期三天报工会和值班人员。',
          ]}
        />
      </SectionCard>

      <SectionCard title="统计" extra={<SoonBadge />}>
        <BulletList items={['按组织、时段统计隐患、三违、班前申报和培训完成率，“安康杯”竞赛排名，可导出 Excel。']} />
      </SectionCard>
    </View>
  );
}
