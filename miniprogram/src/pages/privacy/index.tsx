import { Text, View } from '@tarojs/components';
import {
  PRIVACY_GUIDE_TITLE,
  PRIVACY_GUIDE_VERSION,
  PRIVACY_SECTIONS,
  readPrivacyConsent,
} from '../../features/privacy';
import './index.scss';

function chineseDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** The full guide. Readable before login (linked from the consent card), so it needs no session. */
export default function PrivacyPage() {
  const consent = readPrivacyConsent();
  return (
    <View className="page privacy">
      <View className="card">
        <Text className="privacy__title">{PRIVACY_GUIDE_TITLE}</Text>
        <Text className="muted privacy__version">版本 {PRIVACY_GUIDE_VERSION}</Text>
        {PRIVACY_SECTIONS.map((section) => (
          <View className="privacy__section" key={section.title}>
            <Text className="privacy__heading">{section.title}</Text>
            {section.paragraphs.map((paragraph) => (
              <Text className="privacy__paragraph" key={paragraph}>
                {paragraph}
              </Text>
            ))}
          </View>
        ))}
        <Text className="muted privacy__consent">
          {consent ? `您已于 ${chineseDate(consent.agreedAt)} 同意本指引。` : '您尚未同意本指引；登录前会请您确认。'}
        </Text>
      </View>
    </View>
  );
}
