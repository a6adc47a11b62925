import { Text, View } from '@tarojs/components';

export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <View className="bullet-list">
      {items.map((item) => (
        <View className="bullet-list__item" key={item}>
          <View className="bullet-list__dot" />
          <Text>{item}</Text>
        </View>
      ))}
    </View>
  );
}
