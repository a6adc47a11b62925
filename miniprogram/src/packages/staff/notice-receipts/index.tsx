import {
  NOTICE_KIND_LABELS,
  NOTICE_STATE_LABELS,
  NoticeFanOutState,
  type NoticeReceiptCounts,
  type NoticeReceipts,
  NoticeState,
  type NoticeSummary,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toastSuccess, useRequireSession } from '../../../api';
import { LoadStatusPage } from '../../../components';
import { Sheet } from '../../../components/hazards/sheet';
import {
  fetchReceipts,
  noticeEditorUrl,
  noticeReceiptsUrl,
  percentText,
  remindNotice,
  withdrawNotice,
} from '../../../features/notices';
import { chinaDateTime } from '../../../utils/china-time-format';
import './index.scss';

type Load = { state: 'loading' } | { state: 'ready'; receipts: NoticeReceipts } | { state: 'failed'; message: string };
type Confirm = 'remind' | 'withdraw' | null;

/** While the fan-out runs, the figures are asked for again this often. */
const FAN_OUT_POLL_MS = 3_000;

/** Published, and the background job has not yet reached every recipient. */
function isSending(notice: NoticeSummary): boolean {
  return notice.state === NoticeState.Published && notice.fanOut.state !== NoticeFanOutState.Done;
}

const RATES = [
  { key: 'delivered', label: '送达' },
  { key: 'read', label: '已读' },
  { key: 'acknowledged', label: '已阅知' },
] as const;

function Rates({ counts, acknowledgementRequired }: { counts: NoticeReceiptCounts; acknowledgementRequired: boolean }) {
  return (
    <View className="receipt-rates">
      {RATES.filter((rate) => acknowledgementRequired || rate.key !== 'acknowledged').map((rate) => (
        <View className={`receipt-rate receipt-rate--${rate.key}`} key={rate.key}>
          <Text className="receipt-rate__label">{rate.label}</Text>
          <Text className="receipt-rate__value" id={`receipts-${rate.key}-rate`}>
            {percentText(counts[rate.key], counts.recipients)}
          </Text>
          <Text className="muted receipt-rate__count" id={`receipts-${rate.key}-count`}>
            {counts[rate.key]}/{counts.recipients} 人
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 阅知情况 (`?id=&orgUnitId=`): a notice's receipts at a node of its scope — sending progress,
 * delivered / read / acknowledged rates, WeChat messages, one row per child node (tap: that node) —
 * with 催办未阅知 and 撤回.
 */
export default function NoticeReceiptsPage() {
  const router = useRouter();
  const [noticeId] = useState(() => router.params?.id ?? '');
  const [orgUnitId] = useState(() => router.params?.orgUnitId || undefined);
  const signedIn = useRequireSession(noticeId ? noticeReceiptsUrl(noticeId, orgUnitId) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const loadReceipts = useCallback(
    async (quietly = false) => {
      if (!noticeId) {
        setLoad({ state: 'failed', message: '缺少通知参数，请从通知列表进入。' });
        return;
      }
      if (!quietly) {
        setLoad({ state: 'loading' });
      }
      setRefreshing(true);
      try {
        setLoad({ state: 'ready', receipts: await fetchReceipts(noticeId, orgUnitId) });
      } catch (error) {
        if (quietly) {
          setMessage({ text: errorMessage(error), failed: true });
        } else {
          setLoad({ state: 'failed', message: errorMessage(error) });
        }
      } finally {
        setRefreshing(false);
      }
    },
    [noticeId, orgUnitId],
  );

  useEffect(() => {
    if (signedIn) {
      void loadReceipts();
    }
  }, [signedIn, loadReceipts]);

  // Sending in the background: the figures follow it until every recipient is reached.
  useEffect(() => {
    if (load.state !== 'ready' || !isSending(load.receipts.notice)) {
      return undefined;
    }
    const timer = setTimeout(() => void loadReceipts(true), FAN_OUT_POLL_MS);
    return () => clearTimeout(timer);
  }, [load, loadReceipts]);

  usePullDownRefresh(() => {
    void loadReceipts(true).finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return <LoadStatusPage load={load} onReload={() => void loadReceipts()} />;
  }

  const { notice, node, totals, children } = load.receipts;
  const sending = isSending(notice);
  const published = notice.state === NoticeState.Published;
  const withdrawable = published || notice.state === NoticeState.Scheduled;
  const remindable = published && notice.acknowledgementRequired && totals.acknowledged < totals.recipients;

  const act = async () => {
    if (busy || !confirm) {
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      if (confirm === 'remind') {
        const answer = await remindNotice(notice.id, { orgUnitId: node.id });
        setMessage({
          text: `已提醒 ${answer.reminded} 人确认阅知，下次可催办日期：${answer.nextAllowedOn}`,
          failed: false,
        });
        toastSuccess('已催办');
      } else {
        await withdrawNotice(notice.id);
        toastSuccess('已撤回');
        await loadReceipts(true);
      }
    } catch (error) {
      // 409 今天已经催办过了 and every other refusal: the server's own sentence.
      setMessage({ text: errorMessage(error), failed: true });
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  return (
    <View className="page staff-wide notice-receipts">
      <View className={`card receipts-head receipts-head--${notice.state}`}>
        <Text className="receipts-head__title" id="receipts-title">
          {notice.title}
        </Text>
        <View className="tags">
          <Text className="tag" id="receipts-state">
            {NOTICE_STATE_LABELS[notice.state] ?? notice.state}
          </Text>
          <Text className="tag tag--blue">{NOTICE_KIND_LABELS[notice.kind] ?? notice.kind}</Text>
          {notice.acknowledgementRequired ? <Text className="tag tag--slate">需阅知</Text> : null}
        </View>
        <Text className="muted">
          {notice.scope.name} · {notice.author.displayName}
          {notice.publishedAt ? ` · 发布于 ${chinaDateTime(notice.publishedAt)}` : ''}
          {notice.state === NoticeState.Scheduled && notice.publishAt
            ? ` · 定于 ${chinaDateTime(notice.publishAt)} 发布`
            : ''}
          {notice.withdrawnAt ? ` · 撤回于 ${chinaDateTime(notice.withdrawnAt)}` : ''}
        </Text>
        {sending ? (
          <Text className="receipts-head__progress" id="receipts-fan-out">
            发送中 {totals.delivered}/{notice.fanOut.recipients}
          </Text>
        ) : published ? (
          <Text className="receipts-head__progress receipts-head__progress--done" id="receipts-fan-out">
            发送完成，共 {notice.fanOut.recipients} 人
          </Text>
        ) : null}
      </View>

      {message ? (
        <Text
          className={message.failed ? 'form-failure' : 'receipts-message'}
          id={message.failed ? 'receipts-failure' : 'receipts-message'}
        >
          {message.text}
        </Text>
      ) : null}

      <View className="card" id="receipts-totals">
        <View className="card__header">
          <Text className="card__title" id="receipts-node">
            {node.name}
          </Text>
          <Text className="muted" id="receipts-recipients">
            共 {totals.recipients} 人
          </Text>
        </View>
        <Rates counts={totals} acknowledgementRequired={notice.acknowledgementRequired} />
        <View className="receipts-wechat">
          <Text className="receipts-wechat__label">微信消息</Text>
          <Text className="receipts-wechat__item">
            已发送 <Text id="receipts-wechat-sent">{totals.wechatSent}</Text>
          </Text>
          <Text className="receipts-wechat__item">
            未订阅 <Text id="receipts-wechat-refused">{totals.wechatRefused}</Text>
          </Text>
          <Text className="receipts-wechat__item">
            失败 <Text id="receipts-wechat-failed">{totals.wechatFailed}</Text>
          </Text>
        </View>
      </View>

      {children.length > 0 ? (
        <View className="card" id="receipts-children">
          <Text className="card__title">下级单位</Text>
          {children.map((child) => (
            <View
              key={child.node.id}
              className="list-row receipts-child"
              id={`receipts-node-${child.node.id}`}
              hoverClass="list-row--pressed"
              onClick={() =>
                void Taro.navigateTo({ url: noticeReceiptsUrl(notice.id, child.node.id) }).catch(() => undefined)
              }
            >
              <View className="list-row__main">
                <Text className="list-row__title">{child.node.name}</Text>
                <Text className="list-row__meta">
                  {child.counts.recipients} 人 · 已读 {percentText(child.counts.read, child.counts.recipients)}
                  {notice.acknowledgementRequired
                    ? ` · 已阅知 ${percentText(child.counts.acknowledged, child.counts.recipients)}（${child.counts.acknowledged}/${child.counts.recipients}）`
                    : ''}
                </Text>
              </View>
              <Text className="list-row__go">›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="receipts-actions">
        <Button id="receipts-refresh" size="large" loading={refreshing} onClick={() => void loadReceipts(true)}>
          刷新
        </Button>
        {remindable ? (
          <Button id="receipts-remind" type="primary" size="large" onClick={() => setConfirm('remind')}>
            催办未阅知
          </Button>
        ) : null}
        {notice.state === NoticeState.Draft || notice.state === NoticeState.Scheduled ? (
          <Button
            id="receipts-edit"
            size="large"
            onClick={() => void Taro.redirectTo({ url: noticeEditorUrl(notice.id) }).catch(() => undefined)}
          >
            编辑
          </Button>
        ) : null}
        {withdrawable ? (
          <Button id="notice-withdraw" type="danger" fill="outline" size="large" onClick={() => setConfirm('withdraw')}>
            撤回
          </Button>
        ) : null}
      </View>

      {confirm ? (
        <Sheet
          title={confirm === 'remind' ? '催办未阅知' : '撤回通知'}
          confirmText={confirm === 'remind' ? '催办' : '撤回'}
          busy={busy}
          onConfirm={() => void act()}
          onClose={() => setConfirm(null)}
        >
          <Text className="receipts-confirm">
            {confirm === 'remind'
              ? `向「${node.name}」还未确认阅知的 ${totals.recipients - totals.acknowledged} 人发送提醒。同一单位每天只能催办一次。`
              : '撤回后，收到的人将看不到这条通知，尚未发出的微信消息也会取消。撤回后不能恢复。'}
          </Text>
        </Sheet>
      ) : null}
    </View>
  );
}
