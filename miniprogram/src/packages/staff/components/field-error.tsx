import { Text } from '@tarojs/components';

interface FieldErrorProps {
  /** The form's errors by field name (a field without one is fine). */
  errors: Readonly<Partial<Record<string, string>>>;
  field: string;
  id: string;
}

/** What is wrong with one field of an editor, under it; nothing while the field is fine. */
export function FieldError({ errors, field, id }: FieldErrorProps) {
  return errors[field] ? (
    <Text className="form-field__error" id={id}>
      {errors[field]}
    </Text>
  ) : null;
}
