import { type InboxMessage, InboxMessageKind } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { toastError, useRequireSession } from '../../api';
import { StatusBlock } from '../../components';
import { ListFooter } from '../../components/list-footer';
import { listInbox, markAllInboxRead, markInboxMessageRead } from '../../features/inbox';
import { usePagedList } from '../../hooks/use-paged-list';
import { chinaDateTime } from '../../utils/china-time-format';
import { INBOX_URL } from '../../utils/hazard-pages';
import { openAppLink } from '../../utils/open-link';
import './index.scss';

/** Messages about a safety notice: they open the notice, where it is read and acknowledged. */
const NOTICE_KINDS: readonly InboxMessageKind[] = [InboxMessageKind.NoticePublished, InboxMessageKind.NoticeReminder];

/**
 * 消息: alerts and reminders (new assignments, deadlines, fixes to verify, closed reports) and safety
 * notices with their 催办 reminders, newest first; each opens the page its link names.
 */
export default function InboxPage() {
  const signedIn = useRequireSession(INBOX_URL);
  const messages = usePagedList<InboxMessage>(signedIn ? 'inbox' : null, (cursor) => listInbox({ cursor }));
  const [markingAll, setMarkingAll] = useState(false);

  useReachBottom(() => {
    void messages.loadMore();
  });

  const markRead = (id: string) => {
    const now = new Date().toISOString();
    messages.update((items) => items.map((item) => (item.id === id && !item.readAt ? { ...item, readAt: now } : item)));
  };

  const open = (message: InboxMessage) => {
    if (!message.readAt) {
      markRead(message.id);
      // The message opens even if marking fails; it stays unread on the server and is marked next time.
      markInboxMessageRead(message.id).catch(() => undefined);
    }
    openAppLink(message.link);
  };

  const readAll = async () => {
    setMarkingAll(true);
    try {
      await markAllInboxRead();
      const now = new Date().toISOString();
      messages.update((items) => items.map((item) => (item.readAt ? item : { ...item, readAt: now })));
    } catch (error) {
      toastError(error);
    } finally {
      setMarkingAll(false);
    }
  };

  if (!signedIn) {
    return <View className="page" />;
  }
  const unread = messages.items.some((message) => !message.readAt);
  return (
    <View className="page inbox">
      {unread ? (
        <View className="inbox__tools">
          <Text className="inbox__read-all" id="inbox-read-all" onClick={markingAll ? undefined : () => void readAll()}>
            全部标为已读
          </Text>
        </View>
      ) : null}
      {messages.state === 'loading' ? <StatusBlock text="正在加载…" /> : null}
      {messages.state === 'failed' ? (
        <StatusBlock text={messages.message} actionText="重新加载" onAction={() => void messages.reload()} />
      ) : null}
      {messages.items.map((message) => (
        <View
          key={message.id}
          id={`inbox-message-${message.id}`}
          className={`card inbox-message${message.readAt ? '' : ' inbox-message--unread'}`}
          hoverClass="inbox-message--pressed"
          onClick={() => open(message)}
        >
          <View className="inbox-message__head">
            {message.readAt ? null : <View className="inbox-message__dot" />}
            {NOTICE_KINDS.includes(message.kind) ? <Text className="inbox-message__kind">安全通知</Text> : null}
            <Text className="inbox-message__title">{message.title}</Text>
          </View>
          <Text className="inbox-message__body">{message.body}</Text>
          <Text className="muted inbox-message__time">
            {chinaDateTime(message.createdAt)}
            {message.link ? ' · 点击查看' : ''}
          </Text>
        </View>
      ))}
      <ListFooter list={messages} id="inbox-footer" emptyText="暂无消息。" />
    </View>
  );
}
