import { Picker, Text, View } from '@tarojs/components';
import { isH5 } from '../api';
import { FieldInput } from './field';

interface PickerFieldProps {
  id: string;
  mode: 'date' | 'time';
  value: string;
  onChange: (value: string) => void;
  /** Where the WeChat picker opens when nothing is chosen yet. */
  pickerValue: string;
  start?: string;
  end?: string;
  /** H5: the typed field's hint and longest value. */
  placeholder: string;
  maxlength: number;
  /** WeChat: shown until something is chosen. */
  emptyText: string;
}

/**
 * A date or time: on WeChat the native picker, on H5 a text field to type or paste into (desktop
 * browsers and tests type it; the form checks it).
 */
export function PickerField({
  id,
  mode,
  value,
  onChange,
  pickerValue,
  start,
  end,
  placeholder,
  maxlength,
  emptyText,
}: PickerFieldProps) {
  if (isH5()) {
    return (
      <FieldInput
        id={id}
        className="form-field__input"
        type="text"
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(event) => onChange(event.detail.value)}
      />
    );
  }
  return (
    <Picker
      id={id}
      mode={mode}
      value={pickerValue}
      start={start}
      end={end}
      onChange={(event) => onChange(event.detail.value)}
    >
      <View className="form-field__input date-field">
        <Text className={value ? '' : 'date-field__placeholder'}>{value || emptyText}</Text>
      </View>
    </Picker>
  );
}
