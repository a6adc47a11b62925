import { Text } from '@tarojs/components';

export function SoonBadge({ text = '即将上线' }: { text?: string }) {
  return <Text className="soon-badge">{text}</Text>;
}
