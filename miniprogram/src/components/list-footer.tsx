import { Text, View } from '@tarojs/components';
import type { PagedList } from '../hooks/use-paged-list';
import { StatusBlock } from './status-block';

interface ListFooterProps {
  list: Pick<PagedList<unknown>, 'state' | 'hasMore' | 'loadingMore' | 'moreFailed' | 'loadMore' | 'items'>;
  /** Shown when the first page is empty. */
  emptyText: string;
  id?: string;
}

/** The end of a paged list: 加载更多 (also loaded on reaching the bottom), 没有更多了, or the empty text. */
export function ListFooter({ list, emptyText, id }: ListFooterProps) {
  if (list.state !== 'ready') {
    return null;
  }
  if (list.items.length === 0) {
    return (
      <View className="list-footer" id={id}>
        <Text className="list-footer__text">{emptyText}</Text>
      </View>
    );
  }
  if (list.moreFailed) {
    return (
      <View className="list-footer list-footer--action" id={id} onClick={() => void list.loadMore()}>
        <Text className="list-footer__text">{list.moreFailed}，点击重试</Text>
      </View>
    );
  }
  if (list.loadingMore) {
    return (
      <View className="list-footer" id={id}>
        <Text className="list-footer__text">正在加载…</Text>
      </View>
    );
  }
  if (list.hasMore) {
    return (
      <View className="list-footer list-footer--action" id={id} onClick={() => void list.loadMore()}>
        <Text className="list-footer__more">加载更多</Text>
      </View>
    );
  }
  return (
    <View className="list-footer" id={id}>
      <Text className="list-footer__text">没有更多了</Text>
    </View>
  );
}

/** The start of a page's paged list: 正在加载… while its first page loads, a failure with 重新加载. */
export function ListStatus({ list }: { list: Pick<PagedList<unknown>, 'state' | 'message' | 'reload'> }) {
  if (list.state === 'loading') {
    return <StatusBlock text="正在加载…" />;
  }
  if (list.state === 'failed') {
    return <StatusBlock text={list.message} actionText="重新加载" onAction={() => void list.reload()} />;
  }
  return null;
}
