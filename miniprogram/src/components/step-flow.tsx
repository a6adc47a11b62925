import { Text, View } from '@tarojs/components';

/** 拍照 → 选择类别 → 描述 …: numbered steps that wrap on a narrow screen, each arrow kept with its step. */
export function StepFlow({ steps }: { steps: readonly string[] }) {
  return (
    <View className="step-flow">
      {steps.map((step, index) => (
        <View className="step-flow__item" key={step}>
          {index > 0 ? <Text className="step-flow__arrow">→</Text> : null}
          <View className="step-flow__step">
            <Text className="step-flow__index">{index + 1}</Text>
            <Text>{step}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
