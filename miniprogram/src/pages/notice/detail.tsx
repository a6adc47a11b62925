import { type MyNotice, NOTICE_KIND_LABELS } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toastSuccess, useRequireSession } from '../../api';
import { LoadStatusPage } from '../../components';
import { LessonBody } from '../../components/training/lesson-body';
import { acknowledgeNotice, awaitsAcknowledgement, fetchMyNotice, myNoticeUrl } from '../../features/notices';
import { chinaDateTime } from '../../utils/china-time-format';
import './detail.scss';

type Load = { state: 'loading' } | { state: 'ready'; notice: MyNotice } | { state: 'failed'; message: string };

/**
 * A safety notice (`?id=`), opened from 我的通知, the inbox or a WeChat message: title, kind,
 * sender, time, the body, and 我已阅知 when the sender asks for it. Opening it marks it read.
 */
export default function NoticeDetailPage() {
  const router = useRouter();
  const [id] = useState(() => router.params?.id ?? '');
  const signedIn = useRequireSession(id ? myNoticeUrl(id) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [acknowledging, setAcknowledging] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const loadNotice = useCallback(async () => {
    if (!id) {
      setLoad({ state: 'failed', message: '缺少通知参数，请从「我的通知」进入。' });
      return;
    }
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', notice: await fetchMyNotice(id, myNoticeUrl(id)) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    if (signedIn) {
      void loadNotice();
    }
  }, [signedIn, loadNotice]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return <LoadStatusPage load={load} onReload={() => void loadNotice()} />;
  }

  const { notice } = load;
  const acknowledge = async () => {
    if (acknowledging) {
      return;
    }
    setAcknowledging(true);
    setFailure(null);
    try {
      const answer = await acknowledgeNotice(notice.id);
      setLoad({ state: 'ready', notice: { ...notice, ...answer } });
      toastSuccess('已确认阅知');
    } catch (error) {
      // The tap may be repeated: the server keeps the first acknowledgement.
      setFailure(errorMessage(error));
    } finally {
      setAcknowledging(false);
    }
  };

  return (
    <View className="page notice-detail">
      <View className={`card notice-detail__head notice-detail__head--${notice.kind}`}>
        <Text className="notice-detail__kind" id="notice-detail-kind">
          {NOTICE_KIND_LABELS[notice.kind] ?? notice.kind}
        </Text>
        <Text className="notice-detail__title" id="notice-detail-title">
          {notice.title}
        </Text>
        <Text className="muted notice-detail__meta">
          <Text id="notice-detail-from">{notice.from}</Text>
          {' · '}
          <Text id="notice-detail-time">{chinaDateTime(notice.publishedAt)}</Text>
        </Text>
      </View>

      <View className="card notice-detail__body">
        <LessonBody html={notice.bodyHtml} id="notice-detail-body" />
      </View>

      {notice.acknowledgedAt ? (
        <View className="card notice-detail__acknowledged" id="notice-acknowledged">
          <Text className="notice-detail__acknowledged-mark">✓ 已阅知</Text>
          <Text className="muted" id="notice-acknowledged-at">
            {chinaDateTime(notice.acknowledgedAt)}
          </Text>
        </View>
      ) : null}
      {awaitsAcknowledgement(notice) ? (
        <View className="notice-detail__acknowledge">
          <Text className="notice-detail__ask">发送单位要求确认：请认真阅读上面的内容，再点下面的按钮。</Text>
          {failure ? (
            <Text className="notice-detail__failure" id="notice-acknowledge-failure">
              {failure}
            </Text>
          ) : null}
          <Button
            id="notice-acknowledge"
            className="notice-detail__acknowledge-button"
            type="primary"
            size="xlarge"
            block
            loading={acknowledging}
            onClick={() => void acknowledge()}
          >
            我已阅知
          </Button>
        </View>
      ) : null}
    </View>
  );
}
