import { HAZARD_CATEGORY_LABELS, type HazardCategory, THREE_VIOLATIONS } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useRequireSession } from '../../api';
import { BulletList, SectionCard, SoonBadge, StepFlow } from '../../components';
import './index.scss';

const FLOW = ['拍照', '选择类别', '描述', '可匿名', '提交'] as const;

const CATEGORIES = Object.entries(HAZARD_CATEGORY_LABELS) as [HazardCategory, string][];

export default function ReportPage() {
  const signedIn = useRequireSession();
  if (!signedIn) {
    return <View className="page" />;
  }
  return (
    <View className="page report">
      <View className="banner banner--orange">
        <Text className="banner__title">30 秒上报隐患</Text>
        <Text className="banner__text">看到不安全的状态或行为，拍下来就能报，立查立改，闭环跟踪。</Text>
        <SoonBadge />
      </View>

      <SectionCard title="上报流程">
        <StepFlow steps={FLOW} />
      </SectionCard>

      <SectionCard title="隐患类别" id="report-categories">
        <View className="categories">
          {CATEGORIES.map(([category, label]) => (
            <View className="category" key={category}>
              <Text className="category__label">{label}</Text>
              {THREE_VIOLATIONS.includes(category) ? <Text className="category__tag">三违</Text> : null}
            </View>
          ))}
        </View>
      </SectionCard>

      <SectionCard title="上报之后">
        <BulletList
          items={[
            '可选择匿名：匿名上报不记录上报人，手机上保留一个凭证，您仍可查看处理进度。',
            '企业安全员研判分级，指定责任人、措施、资金、期限和预案进行整改。',
            '重大隐患同时报送上级工会督办，整改完成经验收后闭环。',
            '网络不好时可以放心重试，同一次上报不会重复生成工单。',
          ]}
        />
      </SectionCard>
    </View>
  );
}
