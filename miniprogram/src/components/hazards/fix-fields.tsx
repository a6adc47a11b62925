import { HAZARD_NOTE_MAX_LENGTH } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import type { DraftPhoto, FixField, FormErrors } from '../../features/hazards';
import { FieldTextarea } from '../field';
import { PhotoPicker } from './photo-picker';

export interface FixValues {
  note: string;
  photos: DraftPhoto[];
}

/** 整改情况 and after-photos: what submit-fix and 立查立改 both ask for. */
export function FixFields({
  values,
  errors,
  onChange,
  disabled,
  inSheet = false,
}: {
  values: FixValues;
  errors: FormErrors<FixField>;
  onChange: (values: FixValues) => void;
  disabled?: boolean;
  /** Inside a fixed-position sheet: WeChat's native textarea must be told (`fixed`). */
  inSheet?: boolean;
}) {
  return (
    <>
      <View className="form-field">
        <Text className="form-field__label">整改后照片</Text>
        <Text className="muted form-field__hint">拍下整改后的现场，1 到 9 张，验收人据此验收。</Text>
        <PhotoPicker
          id="fix-photo"
          photos={values.photos}
          disabled={disabled}
          onChange={(photos) => onChange({ ...values, photos })}
        />
        {errors.photos ? <Text className="form-field__error">{errors.photos}</Text> : null}
      </View>
      <View className="form-field">
        <Text className="form-field__label">整改情况</Text>
        <FieldTextarea
          id="fix-note"
          className="form-field__textarea"
          value={values.note}
          placeholder="做了哪些整改，现在的情况"
          maxlength={HAZARD_NOTE_MAX_LENGTH}
          disabled={disabled}
          fixed={inSheet}
          onInput={(event) => onChange({ ...values, note: event.detail.value })}
        />
        {errors.note ? <Text className="form-field__error">{errors.note}</Text> : null}
      </View>
    </>
  );
}
