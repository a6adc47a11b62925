import { Text, View } from '@tarojs/components';

interface StatusTabsProps<T extends string> {
  id: string;
  /** Each tab's id is `${tabIdPrefix}-${option}`. */
  tabIdPrefix: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}

/** The row of status tabs above a staff list (全部, 草稿, …). */
export function StatusTabs<T extends string>({
  id,
  tabIdPrefix,
  options,
  labels,
  value,
  onChange,
}: StatusTabsProps<T>) {
  return (
    <View className="status-tabs" id={id}>
      {options.map((option) => (
        <View
          key={option}
          id={`${tabIdPrefix}-${option}`}
          className={`status-tab${value === option ? ' status-tab--on' : ''}`}
          role="tab"
          aria-selected={value === option}
          onClick={() => onChange(option)}
        >
          <Text>{labels[option]}</Text>
        </View>
      ))}
    </View>
  );
}
