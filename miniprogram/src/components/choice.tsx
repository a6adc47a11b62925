import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface ChoiceProps<T extends string> {
  /** Each option's id is `<id>-<value>`. */
  id: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T | null;
  onChange: (value: T) => void;
  /** Something after an option's label (a 三违 tag). */
  extra?: (option: T) => ReactNode;
  className?: string;
}

/** A row of large tappable options, one chosen (a radio group without the small circles). */
export function Choice<T extends string>({ id, options, labels, value, onChange, extra, className }: ChoiceProps<T>) {
  return (
    <View className={`options${className ? ` ${className}` : ''}`} id={id} role="radiogroup">
      {options.map((option) => (
        <View
          key={option}
          id={`${id}-${option}`}
          className={`option${value === option ? ' option--on' : ''}`}
          role="radio"
          aria-checked={value === option}
          onClick={() => onChange(option)}
        >
          <Text>{labels[option] ?? option}</Text>
          {extra?.(option)}
        </View>
      ))}
    </View>
  );
}
