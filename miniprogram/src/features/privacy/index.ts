export {
  hasPrivacyConsent,
  PRIVACY_CONSENT_STORAGE_KEY,
  PRIVACY_GUIDE_VERSION,
  type PrivacyConsent,
  readPrivacyConsent,
  recordPrivacyConsent,
  withdrawPrivacyConsent,
} from './consent';
export { PRIVACY_GUIDE_TITLE, PRIVACY_SECTIONS, PRIVACY_SUMMARY, type PrivacySection } from './guide';
