import type { WorkplaceCard } from '@ankang/shared';
import Taro from '@tarojs/taro';

/**
 * Workplaces whose entrance code was scanned on this phone, newest first: 随手拍 from the tab offers
 * them, so a worker who scanned at the gate picks the place with one tap. Public card facts only.
 */
export const RECENT_WORKPLACES_STORAGE_KEY = 'ankang.recent-workplaces';
const KEEP = 5;

export interface RecentWorkplace {
  id: string;
  code: string;
  name: string;
  enterpriseName: string;
}

export function recentWorkplaces(): RecentWorkplace[] {
  try {
    const value: unknown = Taro.getStorageSync(RECENT_WORKPLACES_STORAGE_KEY);
    return Array.isArray(value)
      ? value.filter(
          (entry): entry is RecentWorkplace =>
            !!entry &&
            typeof entry === 'object' &&
            typeof (entry as RecentWorkplace).id === 'string' &&
            typeof (entry as RecentWorkplace).code === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function rememberWorkplace(card: WorkplaceCard): void {
  const entry: RecentWorkplace = {
    id: card.id,
    code: card.code,
    name: card.name,
    enterpriseName: card.enterprise.name,
  };
  const others = recentWorkplaces().filter((workplace) => workplace.id !== card.id);
  try {
    Taro.setStorageSync(RECENT_WORKPLACES_STORAGE_KEY, [entry, ...others].slice(0, KEEP));
  } catch {
    // Storage full: the list is a convenience.
  }
}
