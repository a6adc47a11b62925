import { type MyNotice, NOTICE_KIND_LABELS } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useRequireSession } from '../../api';
import { ListFooter, ListStatus } from '../../components/list-footer';
import { awaitsAcknowledgement, listMyNotices, MY_NOTICES_URL, myNoticeUrl } from '../../features/notices';
import { usePagedList, usePagedListPage } from '../../hooks/use-paged-list';
import { chinaDateTime } from '../../utils/china-time-format';
import './index.scss';

type Filter = 'all' | 'unacknowledged';
const FILTERS: readonly Filter[] = ['all', 'unacknowledged'];
const FILTER_LABELS: Record<Filter, string> = { all: '全部', unacknowledged: '待确认' };

function NoticeItem({ notice }: { notice: MyNotice }) {
  return (
    <View
      id={`notice-${notice.id}`}
      className={`card notice-item${notice.readAt ? '' : ' notice-item--unread'}`}
      hoverClass="notice-item--pressed"
      onClick={() => void Taro.navigateTo({ url: myNoticeUrl(notice.id) }).catch(() => undefined)}
    >
      <View className="notice-item__head">
        {notice.readAt ? null : <View className="notice-item__dot" id={`notice-${notice.id}-unread`} />}
        <Text className="notice-item__title">{notice.title}</Text>
      </View>
      <View className="tags">
        <Text className={`tag notice-kind notice-kind--${notice.kind}`}>
          {NOTICE_KIND_LABELS[notice.kind] ?? notice.kind}
        </Text>
        {awaitsAcknowledgement(notice) ? (
          <Text className="tag tag--orange" id={`notice-${notice.id}-pending`}>
            待确认
          </Text>
        ) : null}
        {notice.acknowledgedAt ? <Text className="tag">已阅知</Text> : null}
      </View>
      <Text className="muted notice-item__meta">
        {notice.from} · {chinaDateTime(notice.publishedAt)}
      </Text>
    </View>
  );
}

/** 我的通知: the safety notices sent to the person, newest first; 待确认 keeps those to acknowledge. */
export default function MyNoticesPage() {
  const signedIn = useRequireSession(MY_NOTICES_URL);
  const [filter, setFilter] = useState<Filter>('all');
  const notices = usePagedList<MyNotice>(signedIn ? filter : null, (cursor) =>
    listMyNotices({ ...(filter === 'unacknowledged' ? { unacknowledgedOnly: true } : {}), cursor }),
  );

  // Back from a notice: it is read now, perhaps acknowledged.
  usePagedListPage(notices, { reloadWhenShownAgain: signedIn });

  if (!signedIn) {
    return <View className="page" />;
  }
  return (
    <View className="page my-notices">
      <View className="notice-filters" id="notice-filters" role="tablist">
        {FILTERS.map((option) => (
          <View
            key={option}
            id={`notice-filter-${option}`}
            className={`notice-filter${filter === option ? ' notice-filter--on' : ''}`}
            role="tab"
            aria-selected={filter === option}
            onClick={() => setFilter(option)}
          >
            <Text>{FILTER_LABELS[option]}</Text>
          </View>
        ))}
      </View>
      <ListStatus list={notices} />
      {notices.items.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
      <ListFooter
        list={notices}
        id="notice-footer"
        emptyText={filter === 'all' ? '暂无安全通知。' : '没有待确认的通知。'}
      />
    </View>
  );
}
