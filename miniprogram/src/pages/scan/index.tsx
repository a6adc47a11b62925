import {
  INDUSTRY_LABELS,
  OrgErrorCode,
  WORKPLACE_LANDING_PAGE,
  type WorkplaceCard,
  workplaceCodeFromScene,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isApiError } from '../../api';
import { StatusBlock } from '../../components';
import { fetchWorkplaceCard, rememberWorkplace } from '../../features/workplace';
import { reportAtWorkplaceUrl } from '../../utils/hazard-pages';
import { checkInPageUrl, TRAINING_TAB_URL } from '../../utils/training-pages';
import { WorkHere } from './work-here';
import './index.scss';

type CardLoad =
  | { state: 'invalid' }
  | { state: 'loading' }
  | { state: 'ready'; card: WorkplaceCard }
  | { state: 'not-found'; message: string }
  | { state: 'failed'; message: string };

/**
 * The scene as it reached this page: the page parameter (a 小程序码 scanned in WeChat or from
 * 扫码进场, an H5 poster URL), else the launch query of a cold start on this page. Still encoded.
 */
function rawScene(params: Partial<Record<string, string>>): string | undefined {
  if (params.scene) {
    return params.scene;
  }
  try {
    const launch = Taro.getLaunchOptionsSync();
    if (launch.path?.replace(/^\//, '') === WORKPLACE_LANDING_PAGE) {
      const scene: unknown = launch.query?.scene;
      return typeof scene === 'string' ? scene : undefined;
    }
  } catch {
    // No launch options (H5 before the router started): only the page parameter counts.
  }
  return undefined;
}

function goHome(): void {
  Taro.switchTab({ url: '/pages/index/index' }).catch(() => undefined);
}

interface EntryProps {
  id: string;
  mark: string;
  title: string;
  description: string;
  tone: 'green' | 'orange' | 'blue';
  onClick: () => void;
}

function Entry({ id, mark, title, description, tone, onClick }: EntryProps) {
  return (
    <View className={`scan-entry scan-entry--${tone}`} id={id} onClick={onClick} hoverClass="scan-entry--pressed">
      <Text className="scan-entry__mark">{mark}</Text>
      <View className="scan-entry__body">
        <Text className="scan-entry__title">{title}</Text>
        <Text className="scan-entry__description">{description}</Text>
      </View>
    </View>
  );
}

function Fact({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="fact">
      <Text className="fact__label">{label}</Text>
      <Text className="fact__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

function WorkplaceCardView({ card }: { card: WorkplaceCard }) {
  const industry = card.industry ?? card.enterprise.industry;
  return (
    <View className="workplace-card" id="workplace-card">
      <Text className="workplace-card__label">作业场所</Text>
      <Text className="workplace-card__name" id="workplace-name">
        {card.name}
      </Text>
      <Text className="workplace-card__enterprise" id="workplace-enterprise">
        {card.enterprise.name}
      </Text>
      {industry ? (
        <Text className="workplace-card__industry" id="workplace-industry">
          {INDUSTRY_LABELS[industry] ?? industry}
        </Text>
      ) : null}
      <View className="workplace-card__facts">
        <Fact label="地址" value={card.address || '未登记'} id="workplace-address" />
        <Fact label="所属网格" value={card.grid ? card.grid.name : '未划入网格'} id="workplace-grid" />
        {card.grid ? (
          <Fact label="网格员" value={card.grid.officerName || '未指定'} id="workplace-grid-officer" />
        ) : null}
        <Fact label="场所编码" value={card.code} />
      </View>
    </View>
  );
}

/** Where a workplace QR code lands: the workplace card before any login, then 「我在这里工作」. */
export default function ScanPage() {
  const router = useRouter();
  // Decoded once, on arrival: the scene never goes through decodeURIComponent a second time.
  const [workplaceCode] = useState(() => workplaceCodeFromScene(rawScene(router.params ?? {})));
  const [load, setLoad] = useState<CardLoad>(workplaceCode ? { state: 'loading' } : { state: 'invalid' });

  const loadCard = useCallback(async () => {
    if (!workplaceCode) {
      return;
    }
    setLoad({ state: 'loading' });
    try {
      const card = await fetchWorkplaceCard(workplaceCode);
      // 随手拍 from the tab offers the places scanned recently.
      rememberWorkplace(card);
      setLoad({ state: 'ready', card });
    } catch (error) {
      if (isApiError(error) && error.code === OrgErrorCode.WorkplaceNotFound) {
        setLoad({ state: 'not-found', message: error.message });
      } else {
        setLoad({ state: 'failed', message: errorMessage(error) });
      }
    }
  }, [workplaceCode]);

  useEffect(() => {
    void loadCard();
  }, [loadCard]);

  if (load.state === 'invalid') {
    return (
      <View className="page scan">
        <View className="card scan-problem" id="scene-invalid">
          <Text className="scan-problem__title">无法识别的二维码</Text>
          <Text className="scan-problem__text">
            这不是“安康”作业场所二维码。请扫描作业场所入口处张贴的“安康”二维码。
          </Text>
          <Button size="large" block type="primary" onClick={goHome}>
            返回首页
          </Button>
        </View>
      </View>
    );
  }
  if (load.state === 'loading') {
    return (
      <View className="page scan">
        <StatusBlock text="正在查询作业场所…" />
      </View>
    );
  }
  if (load.state === 'not-found') {
    return (
      <View className="page scan">
        <View className="card scan-problem" id="workplace-not-found">
          <Text className="scan-problem__title">未找到该作业场所</Text>
          <Text className="scan-problem__text">{load.message}</Text>
          <Text className="muted scan-problem__code">场所编码 {workplaceCode}</Text>
          <Button size="large" block type="primary" onClick={goHome}>
            返回首页
          </Button>
        </View>
      </View>
    );
  }
  if (load.state === 'failed') {
    return (
      <View className="page scan">
        <StatusBlock text={load.message} actionText="重新加载" onAction={() => void loadCard()} />
      </View>
    );
  }

  const { card } = load;
  return (
    <View className="page scan">
      <WorkplaceCardView card={card} />

      <View className="scan-entries">
        <Entry
          id="scan-entry-check-in"
          mark="卡"
          title="班前打卡"
          description="健康申报，三分钟安全课，准许上岗"
          tone="green"
          onClick={() => void Taro.navigateTo({ url: checkInPageUrl(card.id) }).catch(() => undefined)}
        />
        <Entry
          id="scan-entry-report"
          mark="拍"
          title="随手拍"
          description="30 秒上报隐患"
          tone="orange"
          onClick={() => void Taro.navigateTo({ url: reportAtWorkplaceUrl(card.code) }).catch(() => undefined)}
        />
        <Entry
          id="scan-entry-training"
          mark="学"
          title="今日培训"
          description="必修课与复习巩固"
          tone="blue"
          onClick={() => void Taro.switchTab({ url: TRAINING_TAB_URL })}
        />
      </View>
      <Text className="muted scan-entries__note">每班上岗前点「班前打卡」；发现隐患点「随手拍」。</Text>

      <WorkHere card={card} workplaceCode={card.code} />
    </View>
  );
}
