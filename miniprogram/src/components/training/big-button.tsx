import { Text, View } from '@tarojs/components';
import './training.scss';

interface BigButtonProps {
  id: string;
  text: string;
  onClick: () => void;
  disabled?: boolean;
  busy?: boolean;
  tone?: 'primary' | 'plain';
}

/**
 * A full-width button whose locked state is an attribute a browser test can wait on
 * (`aria-disabled`, `data-unlocked`): the quiz unlocks on a countdown, not on a form's validity.
 */
export function BigButton({ id, text, onClick, disabled = false, busy = false, tone = 'primary' }: BigButtonProps) {
  const locked = disabled || busy;
  return (
    <View
      id={id}
      className={`big-button big-button--${tone}${locked ? ' big-button--locked' : ''}`}
      role="button"
      aria-disabled={locked}
      data-unlocked={locked ? 'false' : 'true'}
      hoverClass={locked ? 'none' : 'big-button--pressed'}
      onClick={() => {
        if (!locked) {
          onClick();
        }
      }}
    >
      <Text className="big-button__text">{busy ? '请稍候…' : text}</Text>
    </View>
  );
}
