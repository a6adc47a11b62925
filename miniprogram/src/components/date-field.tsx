import { Picker, Text, View } from '@tarojs/components';
import { isH5 } from '../api';
import { FieldInput } from './field';

interface DateFieldProps {
  id: string;
  /** `YYYY-MM-DD` or empty. */
  value: string;
  onChange: (value: string) => void;
  /** The first and last days offered (`YYYY-MM-DD`). */
  start?: string;
  end?: string;
  placeholder?: string;
}

/**
 * A China calendar date. WeChat: the native date picker (days outside start…end greyed out). H5: a
 * text field that takes `2026-12-31` typed or pasted (desktop browsers and tests type it; the
 * form checks it).
 */
export function DateField({
  id,
  value,
  onChange,
  start,
  end,
  placeholder = '年-月-日，如 2026-12-31',
}: DateFieldProps) {
  if (isH5()) {
    return (
      <FieldInput
        id={id}
        className="form-field__input"
        type="text"
        value={value}
        placeholder={placeholder}
        maxlength={10}
        onInput={(event) => onChange(event.detail.value)}
      />
    );
  }
  return (
    <Picker
      id={id}
      mode="date"
      value={value || start || ''}
      start={start}
      end={end}
      onChange={(event) => onChange(event.detail.value)}
    >
      <View className="form-field__input date-field">
        <Text className={value ? '' : 'date-field__placeholder'}>{value || '请选择日期'}</Text>
      </View>
    </Picker>
  );
}
