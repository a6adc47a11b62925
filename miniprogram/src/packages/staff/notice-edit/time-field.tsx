import { PickerField } from '../../../components/picker-field';

interface TimeFieldProps {
  id: string;
  /** `HH:mm` or empty. */
  value: string;
  onChange: (value: string) => void;
}

/** A time of day, China time. WeChat: the native time picker. H5: typed as `08:30`. */
export function TimeField({ id, value, onChange }: TimeFieldProps) {
  return (
    <PickerField
      id={id}
      mode="time"
      value={value}
      onChange={onChange}
      pickerValue={value || '08:00'}
      placeholder="时:分，如 08:30"
      maxlength={5}
      emptyText="请选择时间"
    />
  );
}
