import { LESSON_TOPIC_LABELS, WORKER_GROUP_LABELS } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useRequireSession } from '../../api';
import { BulletList, SectionCard, SoonBadge, StepFlow } from '../../components';
import './index.scss';

const FLOW = ['扫码进场', '健康申报', '今日微课', '答题', '准许上岗'] as const;

export default function TrainingPage() {
  const signedIn = useRequireSession();
  if (!signedIn) {
    return <View className="page" />;
  }
  return (
    <View className="page training">
      <View className="banner banner--blue">
        <Text className="banner__title">三分钟岗前培训</Text>
        <Text className="banner__text">每天上岗前学一节安全微课、答几道题，通过后当班“准许上岗”。</Text>
        <SoonBadge />
      </View>

      <SectionCard title="每日班前流程">
        <StepFlow steps={FLOW} />
        <BulletList
          items={[
            '健康申报有发热、咳嗽或其他不适，当班不准许上岗，并提醒企业安全员。',
            '今日微课优先安排尚未通过的必修课，否则从您答错过的内容中复习。',
            '课程时长 1～5 分钟，看完再答题；通过后生成带时间和作业场所的“准许上岗”凭证，班组长可查看。',
          ]}
        />
      </SectionCard>

      <SectionCard title="课程主题">
        <View className="chips">
          {Object.values(LESSON_TOPIC_LABELS).map((label) => (
            <Text className="chip" key={label}>
              {label}
            </Text>
          ))}
        </View>
      </SectionCard>

      <SectionCard title="重点人群必修">
        <Text className="muted">按您所在企业的行业和岗位安排必修课：</Text>
        <View className="chips chips--spaced">
          {Object.values(WORKER_GROUP_LABELS).map((label) => (
            <Text className="chip chip--orange" key={label}>
              {label}
            </Text>
          ))}
        </View>
      </SectionCard>

      <SectionCard title="我的学习记录">
        <Text className="muted">上线后，这里会显示您的完成课程、得分和待学课程。</Text>
      </SectionCard>
    </View>
  );
}
