import { Text, View } from '@tarojs/components';

interface MultiChoiceProps<T extends string> {
  /** Each option's id is `<id>-<value>`. */
  id: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  disabled?: boolean;
}

/** A row of large toggles, any number chosen (in the options' order). */
export function MultiChoice<T extends string>({
  id,
  options,
  labels,
  value,
  onChange,
  disabled = false,
}: MultiChoiceProps<T>) {
  const toggle = (option: T) => {
    if (disabled) {
      return;
    }
    const next = value.includes(option) ? value.filter((chosen) => chosen !== option) : [...value, option];
    onChange(options.filter((candidate) => next.includes(candidate)));
  };
  return (
    <View className="options" id={id} role="group">
      {options.map((option) => {
        const on = value.includes(option);
        return (
          <View
            key={option}
            id={`${id}-${option}`}
            className={`option${on ? ' option--on' : ''}`}
            role="checkbox"
            aria-checked={on}
            onClick={() => toggle(option)}
          >
            <Text>
              {on ? '✓ ' : ''}
              {labels[option] ?? option}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
