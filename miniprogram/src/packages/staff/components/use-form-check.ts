import { useState } from 'react';

type FormErrors = Partial<Record<string, string>>;

export interface FormCheck<Form, Errors extends FormErrors> {
  /** What is wrong, by field: shown under each field. */
  errors: Errors;
  setErrors: (errors: Errors) => void;
  /** What stopped the last save or publish, shown above the buttons. */
  failure: string | null;
  setFailure: (failure: string | null) => void;
  /** Before a save: marks every field in error and says how many there are; true when none. */
  check: (form: Form) => boolean;
  /** After a change: once errors are shown, they follow the form as the author corrects it. */
  recheck: (form: Form) => void;
}

/** The errors of an editor's form, checked on the phone with `validate` before the server sees it. */
export function useFormCheck<Form, Errors extends FormErrors>(
  validate: (form: Form) => Errors,
): FormCheck<Form, Errors> {
  // Every form's errors start empty; the cast only names the empty record by the form's type.
  const [errors, setErrors] = useState<Errors>(() => ({}) as Errors);
  const [failure, setFailure] = useState<string | null>(null);

  const check = (form: Form): boolean => {
    const found = validate(form);
    setErrors(found);
    setFailure(null);
    const count = Object.keys(found).length;
    if (count > 0) {
      setFailure(`有 ${count} 处需要修改，请查看标红的提示`);
      return false;
    }
    return true;
  };

  const recheck = (form: Form) => {
    if (Object.keys(errors).length > 0) {
      setErrors(validate(form));
    }
  };

  return { errors, setErrors, failure, setFailure, check, recheck };
}
