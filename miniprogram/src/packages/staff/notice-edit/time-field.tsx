import { Picker, Text, View } from '@tarojs/components';
import { isH5 } from '../../../api';
import { FieldInput } from '../../../components';

interface TimeFieldProps {
  id: string;
  /** `HH:mm` or empty. */
  value: string;
  onChange: (value: string) => void;
}

/** A time of day, China time. WeChat: the native time picker. H5: typed as `08:30`. */
export function TimeField({ id, value, onChange }: TimeFieldProps) {
  if (isH5()) {
    return (
      <FieldInput
        id={id}
        className="form-field__input"
        type="text"
        value={value}
        placeholder="时:分，如 08:30"
        maxlength={5}
        onInput={(event) => onChange(event.detail.value)}
      />
    );
  }
  return (
    <Picker id={id} mode="time" value={value || '08:00'} onChange={(event) => onChange(event.detail.value)}>
      <View className="form-field__input date-field">
        <Text className={value ? '' : 'date-field__placeholder'}>{value || '请选择时间'}</Text>
      </View>
    </Picker>
  );
}
