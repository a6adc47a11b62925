import type { HazardFollowView, HazardTicketSummary } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { sessionUserId, toastInfo, toastSuccess, useRequireSession } from '../../api';
import { SectionCard } from '../../components';
import { StateBadge, TicketCard } from '../../components/hazards';
import { ListFooter, ListStatus } from '../../components/list-footer';
import {
  type FollowedReport,
  flushOutbox,
  followedReports,
  followHazard,
  listMyHazards,
  OUTBOX_CHANGED_EVENT,
  type QueuedReport,
  queuedReports,
  removeQueuedReport,
  retryQueuedReport,
} from '../../features/hazards';
import { usePagedList } from '../../hooks/use-paged-list';
import { chinaDateTime } from '../../utils/china-time-format';
import { categoryLabel } from '../../utils/hazard-labels';
import { followPageUrl, MY_REPORTS_URL, ticketPageUrl } from '../../utils/hazard-pages';
import './mine.scss';
import { useShownAgain } from '../../hooks/use-shown-again';

/** Anonymous reports whose progress is fetched at once (the follow endpoint is rate-limited). */
const FOLLOW_PREFETCH = 5;

function QueuedRow({ entry, onChanged }: { entry: QueuedReport; onChanged: () => void }) {
  const remove = async () => {
    const answer = await Taro.showModal({
      title: '删除这条上报',
      content: '删除后这条上报不会再发送，照片也会从手机上删除。',
      confirmText: '删除',
      cancelText: '保留',
    });
    if (answer.confirm) {
      await removeQueuedReport(entry.clientKey);
      onChanged();
    }
  };
  return (
    <View className="queued" id={`queued-${entry.clientKey}`}>
      <View className="queued__head">
        <Text className="queued__title">{categoryLabel(entry.category)}</Text>
        <Text className={`queued__status${entry.failure ? ' queued__status--failed' : ''}`}>
          {entry.failure ? '发送失败' : '待发送'}
        </Text>
      </View>
      <Text className="queued__description">{entry.description}</Text>
      <Text className="muted">
        {entry.workplace.name} · {entry.photos.length} 张照片 · {chinaDateTime(entry.createdAt)}
      </Text>
      {entry.failure ? (
        <>
          <Text className="form-field__error">{entry.failure.message}</Text>
          <View className="queued__buttons">
            <Text
              className="queued__button"
              id={`queued-retry-${entry.clientKey}`}
              onClick={() => void retryQueuedReport(entry.clientKey).finally(onChanged)}
            >
              重试
            </Text>
            <Text
              className="queued__button queued__button--danger"
              id={`queued-delete-${entry.clientKey}`}
              onClick={() => void remove()}
            >
              删除
            </Text>
          </View>
        </>
      ) : null}
    </View>
  );
}

function FollowedRow({ report, view }: { report: FollowedReport; view: HazardFollowView | undefined }) {
  return (
    <View
      className="followed"
      id={`followed-${report.code}`}
      hoverClass="followed--pressed"
      onClick={() => void Taro.navigateTo({ url: followPageUrl(report.code) }).catch(() => undefined)}
    >
      <View className="queued__head">
        <Text className="queued__title">{report.code}</Text>
        {view ? <StateBadge state={view.state} /> : <Text className="muted">查看进度 ›</Text>}
      </View>
      <Text className="muted">
        {categoryLabel(report.category)} · {report.workplaceName} · {chinaDateTime(report.reportedAt)}
      </Text>
    </View>
  );
}

/**
 * 我的上报: reports waiting on the phone (待发送, sent when the network returns), anonymous reports
 * followed with the tokens kept on this phone, and named / hidden-name reports from the server.
 */
export default function MyReportsPage() {
  const signedIn = useRequireSession(MY_REPORTS_URL);
  const [ownerId] = useState(sessionUserId);
  const [queued, setQueued] = useState<QueuedReport[]>(() => queuedReports(ownerId));
  const [followed] = useState<FollowedReport[]>(() => followedReports(ownerId));
  const [views, setViews] = useState<Record<string, HazardFollowView>>({});
  const [sending, setSending] = useState(false);

  const reports = usePagedList<HazardTicketSummary>(signedIn ? 'mine' : null, (cursor) => listMyHazards(cursor));
  const reload = reports.reload;

  const refreshQueued = useCallback(() => setQueued(queuedReports(ownerId)), [ownerId]);

  const send = useCallback(
    async (announce: boolean) => {
      setSending(true);
      try {
        const result = await flushOutbox();
        if (result.sent > 0) {
          void reload();
          if (announce) {
            toastSuccess(`已发送 ${result.sent} 条`);
          }
        } else if (announce && result.waiting > 0) {
          toastInfo('暂时发不出去，网络恢复后会自动发送');
        }
      } finally {
        setSending(false);
        refreshQueued();
      }
    },
    [reload, refreshQueued],
  );

  useEffect(() => {
    Taro.eventCenter.on(OUTBOX_CHANGED_EVENT, refreshQueued);
    return () => {
      Taro.eventCenter.off(OUTBOX_CHANGED_EVENT, refreshQueued);
    };
  }, [refreshQueued]);

  useEffect(() => {
    if (!signedIn) {
      return;
    }
    void send(false);
    let current = true;
    const fetchViews = async () => {
      for (const report of followed.slice(0, FOLLOW_PREFETCH)) {
        try {
          const view = await followHazard(report.token);
          if (current) {
            setViews((shown) => ({ ...shown, [report.code]: view }));
          }
        } catch {
          // Shown without its state; the row still opens the progress page.
        }
      }
    };
    void fetchViews();
    return () => {
      current = false;
    };
  }, [signedIn, followed, send]);

  useShownAgain(() => {
    refreshQueued();
    void reload();
  });

  useReachBottom(() => {
    void reports.loadMore();
  });

  if (!signedIn) {
    return <View className="page" />;
  }

  return (
    <View className="page my-reports">
      {queued.length > 0 ? (
        <SectionCard title={`待发送（${queued.length}）`} id="outbox">
          <Text className="muted my-reports__hint">
            没有网络时的上报保存在手机上，网络恢复后自动发送，不会重复生成工单。
          </Text>
          {queued.map((entry) => (
            <QueuedRow key={entry.clientKey} entry={entry} onChanged={refreshQueued} />
          ))}
          <View className="my-reports__send">
            <Button id="outbox-send" size="large" block loading={sending} onClick={() => void send(true)}>
              立即发送
            </Button>
          </View>
        </SectionCard>
      ) : null}

      {followed.length > 0 ? (
        <SectionCard title="匿名上报" id="anonymous-reports">
          <Text className="muted my-reports__hint">凭本机保存的凭证查看进度；换手机或清除微信数据后将无法查看。</Text>
          {followed.map((report) => (
            <FollowedRow key={report.token} report={report} view={views[report.code]} />
          ))}
        </SectionCard>
      ) : null}

      <View className="my-reports__list" id="my-reports">
        <Text className="my-reports__title">实名上报</Text>
        <ListStatus list={reports} />
        {reports.items.map((ticket) => (
          <TicketCard
            key={ticket.id}
            ticket={ticket}
            onOpen={() => void Taro.navigateTo({ url: ticketPageUrl(ticket.id) }).catch(() => undefined)}
          />
        ))}
        <ListFooter list={reports} id="my-reports-footer" emptyText="还没有实名上报的隐患。" />
      </View>
    </View>
  );
}
