/**
 * `@tarojs/components` as plain DOM elements. Props that only mean something to WeChat
 * (hoverClass, catchMove, …) are dropped so React does not warn about unknown attributes.
 *
 * Taro's events carry `detail`: an input's `onInput` gets `{detail: {value}}`, `onConfirm` fires on
 * Enter, and a `<Button openType="getPhoneNumber">` calls `onGetPhoneNumber` on click with the
 * detail a test put in `openTypeDetails`.
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };
type Handler = (event: unknown) => void;

/** What WeChat would hand the open-type callbacks; tests set it before clicking. */
export const openTypeDetails: { getPhoneNumber: Record<string, unknown> } = {
  getPhoneNumber: { errMsg: 'getPhoneNumber:ok', code: 'phone-code-1' },
};

export function resetOpenTypeDetails(): void {
  openTypeDetails.getPhoneNumber = { errMsg: 'getPhoneNumber:ok', code: 'phone-code-1' };
}

function valueEvent(event: { target: EventTarget | null; currentTarget: EventTarget | null }) {
  const value = (event.target as HTMLInputElement | null)?.value ?? '';
  return { type: 'input', target: event.target, currentTarget: event.currentTarget, detail: { value } };
}

const PASS_THROUGH = new Set([
  'id',
  'className',
  'style',
  'children',
  'onClick',
  'src',
  'alt',
  'value',
  'placeholder',
  'disabled',
  'type',
  'role',
  'title',
  'name',
]);

function domProps(props: Props): Props {
  const result: Props = {};
  const clickHandlers: Handler[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (key === 'onClick' || key === 'onTap') {
      clickHandlers.push(value as Handler);
    } else if (PASS_THROUGH.has(key) || key.startsWith('data-') || key.startsWith('aria-')) {
      result[key] = value;
    } else if (key === 'onInput') {
      const handler = value as Handler;
      result.onChange = (event: { target: EventTarget | null; currentTarget: EventTarget | null }) =>
        handler(valueEvent(event));
    } else if (key === 'onConfirm') {
      const handler = value as Handler;
      result.onKeyDown = (event: { key: string; target: EventTarget | null; currentTarget: EventTarget | null }) => {
        if (event.key === 'Enter') {
          handler(valueEvent(event));
        }
      };
    } else if (key === 'onGetPhoneNumber') {
      const handler = value as Handler;
      clickHandlers.push(() => handler({ type: 'getphonenumber', detail: { ...openTypeDetails.getPhoneNumber } }));
    } else if (key === 'openType') {
      result['data-open-type'] = value;
    } else if (key === 'maxlength') {
      result.maxLength = value;
    } else if (key === 'nativeProps' && value && typeof value === 'object') {
      // H5: Taro puts these on the native <input>/<textarea> inside its web component.
      for (const [name, nativeValue] of Object.entries(value as Record<string, unknown>)) {
        if (PASS_THROUGH.has(name) || name.startsWith('data-') || name.startsWith('aria-')) {
          result[name] = nativeValue;
        }
      }
    }
  }
  const handlers = clickHandlers.filter((handler) => typeof handler === 'function');
  if (handlers.length > 0) {
    result.onClick = (event: unknown) => {
      for (const handler of handlers) {
        handler(event);
      }
    };
  }
  if (typeof result.type === 'string' && !['button', 'submit', 'reset', 'text', 'number'].includes(result.type)) {
    delete result.type;
  }
  return result;
}

function element(tag: string, displayName: string) {
  const component = forwardRef<HTMLElement, Props>((props, ref) => createElement(tag, { ...domProps(props), ref }));
  component.displayName = displayName;
  return component;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const Button = element('button', 'Button');
export const Image = element('img', 'Image');
export const ScrollView = element('div', 'ScrollView');
export const Swiper = element('div', 'Swiper');
export const SwiperItem = element('div', 'SwiperItem');
export const Input = element('input', 'Input');
export const Textarea = element('textarea', 'Textarea');
export const Form = element('form', 'Form');
export const Canvas = element('canvas', 'Canvas');
export const Video = element('video', 'Video');
export const Label = element('label', 'Label');
type RichTextNode = { type: 'text'; text: string } | { name: string; children?: RichTextNode[] };

function richTextChildren(nodes: readonly RichTextNode[]): ReactNode[] {
  return nodes.map((node, index) =>
    'type' in node
      ? node.text
      : // Attributes (our typography) are left out: tests read structure and text.
        createElement(node.name, { key: index }, ...(node.children ? richTextChildren(node.children) : [])),
  );
}

/** Like WeChat's rich-text with a node list: the nodes as DOM elements (an HTML string is not rendered). */
export const RichText = forwardRef<HTMLElement, Props>(({ nodes, ...props }, ref) =>
  createElement(
    'div',
    { ...domProps(props), ref },
    ...(Array.isArray(nodes) ? richTextChildren(nodes as RichTextNode[]) : []),
  ),
);
RichText.displayName = 'RichText';
export const Icon = element('i', 'Icon');
export const Checkbox = element('input', 'Checkbox');
export const Radio = element('input', 'Radio');
export const Picker = element('div', 'Picker');
