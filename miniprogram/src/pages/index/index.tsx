import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { isWeapp } from '../../api';
import { SectionCard, StatusBlock, StepFlow } from '../../components';
import { useMe } from '../../features/auth';
import { useUnreadCount } from '../../features/inbox';
import { MY_NOTICES_URL, useMyNoticeCounts } from '../../features/notices';
import { type ScannedWorkplace, scanEntrance, workplacePageUrl } from '../../features/workplace';
import { isStaff, roleNames } from '../../utils/roles';
import { TODAYS_CARD_URL } from '../../utils/training-pages';
import './index.scss';

const PRE_SHIFT_STEPS = ['班前打卡', '健康申报', '三分钟培训', '准许上岗'] as const;

function greetingFor(hour: number): string {
  if (hour < 5) return '夜班辛苦了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

async function onScan(): Promise<void> {
  if (!isWeapp()) {
    await Taro.showModal({
      title: '请在微信中扫码',
      content: '扫码进场需要使用微信小程序“安康”：打开微信，扫描作业场所入口处张贴的二维码即可进入。',
      showCancel: false,
      confirmText: '知道了',
    });
    return;
  }
  let scanned: ScannedWorkplace;
  try {
    scanned = await scanEntrance();
  } catch {
    // The person closed the camera.
    return;
  }
  if (!scanned.workplaceCode) {
    await Taro.showModal({
      title: '不是作业场所二维码',
      content: '没有识别到“安康”作业场所。请扫描作业场所入口处张贴的“安康”二维码或小程序码。',
      showCancel: false,
      confirmText: '知道了',
    });
    return;
  }
  await Taro.navigateTo({ url: workplacePageUrl(scanned.workplaceCode) });
}

/**
 * 今日班前: how the pre-shift routine goes, and the way back to today's card. Today's check-in is
 * not asked for here: most of the day there is none (a 404), and the card is one tap away.
 */
function PreShiftCard() {
  return (
    <SectionCard title="今日班前" id="pre-shift-card">
      <StepFlow steps={PRE_SHIFT_STEPS} />
      <Text className="muted home__note">
        到岗后点「扫码进场」扫描入口二维码，再点「班前打卡」：健康申报、三分钟安全课，通过后准许上岗。身体不适不上岗。
      </Text>
      <View
        className="home__today"
        id="pre-shift-today"
        hoverClass="home__today--pressed"
        onClick={() => void Taro.navigateTo({ url: TODAYS_CARD_URL }).catch(() => undefined)}
      >
        <Text className="home__today-text">已打卡？查看今日上岗凭证</Text>
        <Text className="home__today-go">›</Text>
      </View>
    </SectionCard>
  );
}

interface EntryProps {
  id: string;
  mark: string;
  title: string;
  description: string;
  tone: 'green' | 'orange' | 'blue' | 'slate';
  /** A count on the entry's corner (`#<id>-badge`), hidden at 0. */
  badge?: number;
  onClick: () => void;
}

function Entry({ id, mark, title, description, tone, badge = 0, onClick }: EntryProps) {
  return (
    <View className={`entry entry--${tone}`} id={id} onClick={onClick} hoverClass="entry--pressed">
      {badge > 0 ? (
        <Text className="entry__badge" id={`${id}-badge`}>
          {badge > 99 ? '99+' : badge}
        </Text>
      ) : null}
      <Text className="entry__mark">{mark}</Text>
      <Text className="entry__title">{title}</Text>
      <Text className="entry__description">{description}</Text>
    </View>
  );
}

export default function HomePage() {
  const { signedIn, load, reload } = useMe();
  // Keeps the badge on the 我的 tab current (alerts and reminders arrive in the background).
  useUnreadCount(signedIn);
  // Refreshed each time 首页 shows: reading a notice lowers it.
  const noticeCounts = useMyNoticeCounts(signedIn);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) {
    return <View className="page home" />;
  }

  const me = load.state === 'ready' ? load.me : null;
  const subtitle = me
    ? [me.enterprise?.name, roleNames(me.roles).join('、')].filter(Boolean).join(' · ') || '尚未绑定企业'
    : '';

  return (
    <View className="page home">
      <View className="home__hero">
        {load.state === 'loading' ? <Text className="home__greeting">正在加载…</Text> : null}
        {load.state === 'failed' ? (
          <StatusBlock text={load.message} actionText="重新加载" onAction={() => void reload()} />
        ) : null}
        {me ? (
          <>
            <Text className="home__greeting" id="home-greeting">
              {greetingFor(new Date().getHours())}，{me.displayName}
            </Text>
            <Text className="home__subtitle" id="home-subtitle">
              {subtitle}
            </Text>
          </>
        ) : null}
      </View>

      <PreShiftCard />

      <View className="entries">
        <Entry
          id="entry-scan"
          mark="扫"
          title="扫码进场"
          description="扫描入口二维码"
          tone="green"
          onClick={() => void onScan()}
        />
        <Entry
          id="entry-report"
          mark="拍"
          title="随手拍"
          description="30 秒上报隐患"
          tone="orange"
          onClick={() => void Taro.switchTab({ url: '/pages/report/index' })}
        />
        <Entry
          id="entry-training"
          mark="学"
          title="今日培训"
          description="三分钟安全课"
          tone="blue"
          onClick={() => void Taro.switchTab({ url: '/pages/training/index' })}
        />
        <Entry
          id="entry-notice"
          mark="知"
          title="安全通知"
          description={noticeCounts.unacknowledged > 0 ? `${noticeCounts.unacknowledged} 条待确认` : '工会与企业通知'}
          tone="slate"
          badge={noticeCounts.unread}
          onClick={() => void Taro.navigateTo({ url: MY_NOTICES_URL }).catch(() => undefined)}
        />
      </View>

      {me && isStaff(me.roles) ? (
        <View
          className="card home__staff"
          id="entry-workbench"
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/workbench/index' })}
        >
          <Text className="card__title">工作台</Text>
          <Text className="muted">隐患工单、安全通知、培训课程、班组点名、组织架构、人员与角色、绑定审核</Text>
        </View>
      ) : null}
    </View>
  );
}
