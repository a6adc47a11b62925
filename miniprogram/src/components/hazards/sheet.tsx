import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './hazards.scss';

interface SheetProps {
  title: string;
  children?: ReactNode;
  /** Shown above the buttons: why the last try failed. */
  failure?: string | null;
  confirmText: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** A form that slides up over the page: title, fields, 取消 and the confirm button (`#action-confirm`). */
export function Sheet({ title, children, failure, confirmText, busy = false, onConfirm, onClose }: SheetProps) {
  return (
    <View className="sheet" id="action-sheet">
      <View className="sheet__backdrop" onClick={busy ? undefined : onClose} />
      <View className="sheet__panel">
        <Text className="sheet__title">{title}</Text>
        <View className="sheet__body">{children}</View>
        {failure ? (
          <Text className="form-failure" id="action-failure">
            {failure}
          </Text>
        ) : null}
        <View className="sheet__buttons">
          <Button id="action-cancel" size="large" disabled={busy} onClick={onClose}>
            取消
          </Button>
          <View className="sheet__gap" />
          <Button id="action-confirm" type="primary" size="large" loading={busy} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
