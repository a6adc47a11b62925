import { Input, Textarea } from '@tarojs/components';
import type { InputProps } from '@tarojs/components/types/Input';
import type { TextareaProps } from '@tarojs/components/types/Textarea';
import { isH5 } from '../api';

/**
 * Where an input's id goes. On H5 Taro wraps the native `<input>`/`<textarea>` in a web component;
 * the id goes on the native element (through `nativeProps`), so a browser test can type into
 * `#hazard-description` directly. On WeChat the component carries it.
 */
function idProps(id: string | undefined, nativeProps: Record<string, unknown> = {}) {
  if (!id) {
    return { nativeProps };
  }
  return isH5() ? { nativeProps: { ...nativeProps, id } } : { id, nativeProps };
}

export function FieldInput({ id, nativeProps, ...props }: InputProps & { id?: string }) {
  return <Input {...props} {...idProps(id, nativeProps)} />;
}

export function FieldTextarea({ id, nativeProps, ...props }: TextareaProps & { id?: string }) {
  return <Textarea {...props} {...idProps(id, nativeProps)} />;
}
