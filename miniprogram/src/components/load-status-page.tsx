import { View } from '@tarojs/components';
import { StatusBlock } from './status-block';

/** What a page shows before its record is ready. */
export type PendingLoad = { state: 'loading' } | { state: 'failed'; message: string };

interface LoadStatusPageProps {
  load: PendingLoad;
  onReload: () => void;
  loadingText?: string;
}

/** A whole page while its record loads, or its failure with 重新加载. */
export function LoadStatusPage({ load, onReload, loadingText = '正在加载…' }: LoadStatusPageProps) {
  return (
    <View className="page">
      {load.state === 'loading' ? (
        <StatusBlock text={loadingText} />
      ) : (
        <StatusBlock text={load.message} actionText="重新加载" onAction={onReload} />
      )}
    </View>
  );
}
