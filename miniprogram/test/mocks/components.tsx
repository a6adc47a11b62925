/**
 * `@tarojs/components` as plain DOM elements. Props that only mean something to WeChat
 * (hoverClass, catchMove, …) are dropped so React does not warn about unknown attributes.
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

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
  for (const [key, value] of Object.entries(props)) {
    if (PASS_THROUGH.has(key) || key.startsWith('data-') || key.startsWith('aria-')) {
      result[key] = value;
    } else if (key === 'onTap') {
      result.onClick = value;
    } else if (key === 'onInput') {
      result.onChange = value;
    }
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
export const RichText = element('div', 'RichText');
export const Icon = element('i', 'Icon');
export const Checkbox = element('input', 'Checkbox');
export const Radio = element('input', 'Radio');
