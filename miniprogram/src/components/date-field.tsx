import { PickerField } from './picker-field';

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
  return (
    <PickerField
      id={id}
      mode="date"
      value={value}
      onChange={onChange}
      pickerValue={value || start || ''}
      start={start}
      end={end}
      placeholder={placeholder}
      maxlength={10}
      emptyText="请选择日期"
    />
  );
}
