import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

interface StatusBlockProps {
  text: string;
  actionText?: string;
  onAction?: () => void;
}

/** A loading or failure message, with a large retry button when there is something to retry. */
export function StatusBlock({ text, actionText, onAction }: StatusBlockProps) {
  return (
    <View className="status-block">
      <Text className="status-block__text">{text}</Text>
      {actionText && onAction ? (
        <Button type="primary" size="large" onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
