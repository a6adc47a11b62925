import Taro from '@tarojs/taro';

/** Bump when the guide changes in substance: everyone is asked again. */
export const PRIVACY_GUIDE_VERSION = '2024-12';
export const PRIVACY_CONSENT_STORAGE_KEY = 'ankang.privacyConsent';

export interface PrivacyConsent {
  version: string;
  /** ISO 8601, UTC. */
  agreedAt: string;
}

export function readPrivacyConsent(): PrivacyConsent | null {
  try {
    const value: unknown = Taro.getStorageSync(PRIVACY_CONSENT_STORAGE_KEY);
    if (value && typeof value === 'object' && (value as PrivacyConsent).version === PRIVACY_GUIDE_VERSION) {
      return value as PrivacyConsent;
    }
  } catch {
    // Unreadable storage counts as no consent.
  }
  return null;
}

export function hasPrivacyConsent(): boolean {
  return readPrivacyConsent() !== null;
}

export function recordPrivacyConsent(now: Date = new Date()): PrivacyConsent {
  const consent: PrivacyConsent = { version: PRIVACY_GUIDE_VERSION, agreedAt: now.toISOString() };
  Taro.setStorageSync(PRIVACY_CONSENT_STORAGE_KEY, consent);
  return consent;
}

export function withdrawPrivacyConsent(): void {
  try {
    Taro.removeStorageSync(PRIVACY_CONSENT_STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
