import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  extra?: ReactNode;
  id?: string;
  className?: string;
  children?: ReactNode;
}

export function SectionCard({ title, extra, id, className, children }: SectionCardProps) {
  return (
    <View className={className ? `card ${className}` : 'card'} id={id}>
      <View className="card__header">
        <Text className="card__title">{title}</Text>
        {extra}
      </View>
      {children}
    </View>
  );
}
