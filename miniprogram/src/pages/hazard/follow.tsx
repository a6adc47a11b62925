import { type HazardFollowView, ReporterVisibility } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, sessionUserId, useRequireSession } from '../../api';
import { LoadStatusPage } from '../../components';
import { StateBadge, Timeline } from '../../components/hazards';
import { followedReport, followHazard } from '../../features/hazards';
import { chinaDateTime } from '../../utils/china-time-format';
import { categoryLabel } from '../../utils/hazard-labels';
import { followPageUrl } from '../../utils/hazard-pages';
import './follow.scss';

type Load = { state: 'loading' } | { state: 'ready'; view: HazardFollowView } | { state: 'failed'; message: string };

function decoded(raw: string | undefined): string {
  if (!raw) {
    return '';
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * An anonymous report's progress (`?code=`): the follow-up token is looked up in this phone's
 * storage (never in the URL) and shown through `GET /hazards/follow/:token` — the state and the
 * steps, nothing about anyone.
 */
export default function FollowPage() {
  const router = useRouter();
  const [code] = useState(() => decoded(router.params?.code));
  const signedIn = useRequireSession(code ? followPageUrl(code) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const loadView = useCallback(async () => {
    const report = followedReport(sessionUserId(), code);
    if (!report) {
      setLoad({ state: 'failed', message: '这部手机上没有这条匿名上报的凭证，无法查看进度。' });
      return;
    }
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', view: await followHazard(report.token) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [code]);

  useEffect(() => {
    if (signedIn) {
      void loadView();
    }
  }, [signedIn, loadView]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return <LoadStatusPage load={load} onReload={() => void loadView()} />;
  }
  const { view } = load;
  return (
    <View className="page follow">
      <View className="card follow__head">
        <View className="follow__top">
          <Text className="follow__code" id="hazard-code">
            {view.code}
          </Text>
          <StateBadge state={view.state} id="hazard-state" />
        </View>
        <Text className="follow__line">{categoryLabel(view.category)}</Text>
        <Text className="muted">
          {view.workplace.name} · {view.enterprise.name}
        </Text>
        <Text className="muted">上报 {chinaDateTime(view.createdAt)}</Text>
        {view.deadline ? <Text className="muted">整改期限 {view.deadline}</Text> : null}
        {view.closedAt ? <Text className="muted">销号 {chinaDateTime(view.closedAt)}</Text> : null}
        <Text className="follow__note">匿名上报：系统没有记录您的身份，处理人员看不到是谁上报的。</Text>
      </View>
      <View className="card">
        <Text className="card__title">处理过程</Text>
        <Timeline
          events={view.events.map((event) => ({ ...event, actor: null, fromState: null, note: null }))}
          visibility={ReporterVisibility.Anonymous}
          showActors={false}
        />
      </View>
    </View>
  );
}
