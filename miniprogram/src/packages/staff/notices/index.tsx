import {
  NOTICE_KIND_LABELS,
  NOTICE_STATE_LABELS,
  NoticeFanOutState,
  NoticeState,
  type NoticeSummary,
  Permission,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { StatusBlock } from '../../../components';
import { ListFooter, ListStatus } from '../../../components/list-footer';
import { useMe } from '../../../features/auth';
import { listNotices, noticeEditorUrl, noticeReceiptsUrl } from '../../../features/notices';
import { usePagedList, usePagedListPage } from '../../../hooks/use-paged-list';
import { chinaDateTime } from '../../../utils/china-time-format';
import { hasPermission } from '../../../utils/permissions';
import { StatusTabs } from '../components/status-tabs';
import './index.scss';

const ALL = 'all';
type Tab = NoticeState | typeof ALL;
const TABS: readonly Tab[] = [
  ALL,
  NoticeState.Draft,
  NoticeState.Scheduled,
  NoticeState.Published,
  NoticeState.Withdrawn,
];
const TAB_LABELS: Record<Tab, string> = { [ALL]: '全部', ...NOTICE_STATE_LABELS };
const STATE_TONES: Record<NoticeState, string> = {
  [NoticeState.Draft]: 'tag--orange',
  [NoticeState.Scheduled]: 'tag--blue',
  [NoticeState.Published]: '',
  [NoticeState.Withdrawn]: 'tag--slate',
};

/** Drafts and scheduled notices open in the composer; sent ones on their receipts. */
function pageOf(notice: NoticeSummary): string {
  return notice.state === NoticeState.Draft || notice.state === NoticeState.Scheduled
    ? noticeEditorUrl(notice.id)
    : noticeReceiptsUrl(notice.id);
}

function whenLine(notice: NoticeSummary): string {
  if (notice.state === NoticeState.Scheduled && notice.publishAt) {
    return `定于 ${chinaDateTime(notice.publishAt)} 发布`;
  }
  if (notice.state === NoticeState.Withdrawn && notice.withdrawnAt) {
    return `撤回于 ${chinaDateTime(notice.withdrawnAt)}`;
  }
  if (notice.publishedAt) {
    return `发布于 ${chinaDateTime(notice.publishedAt)}`;
  }
  return `更新于 ${chinaDateTime(notice.updatedAt)}`;
}

function NoticeRow({ notice }: { notice: NoticeSummary }) {
  const sending = notice.state === NoticeState.Published && notice.fanOut.state !== NoticeFanOutState.Done;
  return (
    <View
      className="list-row notice-summary"
      id={`notice-${notice.id}`}
      hoverClass="list-row--pressed"
      onClick={() => void Taro.navigateTo({ url: pageOf(notice) }).catch(() => undefined)}
    >
      <View className="list-row__main">
        <Text className="list-row__title">{notice.title}</Text>
        <View className="tags">
          <Text className={`tag ${STATE_TONES[notice.state]}`} id={`notice-${notice.id}-state`}>
            {NOTICE_STATE_LABELS[notice.state] ?? notice.state}
          </Text>
          {sending ? <Text className="tag tag--orange">发送中</Text> : null}
          <Text className="tag tag--blue">{NOTICE_KIND_LABELS[notice.kind] ?? notice.kind}</Text>
          {notice.acknowledgementRequired ? <Text className="tag tag--slate">需阅知</Text> : null}
          {notice.state === NoticeState.Published || notice.state === NoticeState.Withdrawn ? (
            <Text className="tag tag--slate">{notice.fanOut.recipients} 人</Text>
          ) : null}
        </View>
        <Text className="list-row__meta">
          {notice.scope.name} · {notice.author.displayName} · {whenLine(notice)}
        </Text>
      </View>
      <Text className="list-row__go">›</Text>
    </View>
  );
}

/** 安全通知 (工作台): notices within the person's scope by state; new notices from here. */
export default function StaffNoticesPage() {
  const { signedIn, load } = useMe();
  const [tab, setTab] = useState<Tab>(ALL);
  const notices = usePagedList<NoticeSummary>(signedIn ? tab : null, (cursor) =>
    listNotices({ ...(tab === ALL ? {} : { state: tab }), cursor }),
  );

  // Back from the composer or the receipts: a notice may have been saved, published or withdrawn.
  usePagedListPage(notices, { reloadWhenShownAgain: signedIn });

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'ready' && !hasPermission(load.me.roles, Permission.NoticeManage)) {
    return (
      <View className="page">
        <StatusBlock text="安全通知由企业安全员和工会干部发布。" />
      </View>
    );
  }
  return (
    <View className="page staff-wide notices">
      <View className="notices__bar">
        <Button
          id="notice-new"
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: noticeEditorUrl() }).catch(() => undefined)}
        >
          发布新通知
        </Button>
      </View>
      <StatusTabs
        id="notices-tabs"
        tabIdPrefix="notices-tab"
        options={TABS}
        labels={TAB_LABELS}
        value={tab}
        onChange={setTab}
      />
      <View className="card" id="notices-list">
        <ListStatus list={notices} />
        {notices.items.map((notice) => (
          <NoticeRow key={notice.id} notice={notice} />
        ))}
        <ListFooter
          list={notices}
          id="notices-footer"
          emptyText={tab === ALL ? '还没有通知，点「发布新通知」编写第一条。' : `暂无${TAB_LABELS[tab]}的通知。`}
        />
      </View>
    </View>
  );
}
