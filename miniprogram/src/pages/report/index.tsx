import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRequireSession } from '../../api';
import { ReportForm } from '../../components/hazards';
import { MY_REPORTS_URL, REPORT_TAB_URL } from '../../utils/hazard-pages';
import './index.scss';

/** 随手拍 (tab): the report form; the workplace is chosen here (recently scanned, scanned now, or typed). */
export default function ReportPage() {
  const signedIn = useRequireSession(REPORT_TAB_URL);
  if (!signedIn) {
    return <View className="page" />;
  }
  return (
    <View className="page report">
      <View className="banner banner--orange report__banner">
        <Text className="banner__title">30 秒上报隐患</Text>
        <Text className="banner__text">看到不安全的状态或行为，拍下来就能报，立查立改，闭环跟踪。</Text>
        <Text
          className="report__mine"
          id="report-open-mine"
          onClick={() => void Taro.navigateTo({ url: MY_REPORTS_URL }).catch(() => undefined)}
        >
          我的上报 ›
        </Text>
      </View>
      <ReportForm workplace={null} />
    </View>
  );
}
