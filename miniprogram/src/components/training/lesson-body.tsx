import { RichText } from '@tarojs/components';
import { useMemo } from 'react';
import { lessonBodyNodes } from '../../features/training';
import './training.scss';

/** A lesson's body, parsed to the allowed tags (never set as raw HTML). */
export function LessonBody({ html, id }: { html: string; id?: string }) {
  const nodes = useMemo(() => lessonBodyNodes(html), [html]);
  return <RichText className="lesson-body" id={id} nodes={nodes as never} />;
}
