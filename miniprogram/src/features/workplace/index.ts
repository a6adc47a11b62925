export { fetchWorkplaceCard } from './fetch-workplace-card';
export { type RecentWorkplace, recentWorkplaces, rememberWorkplace } from './recent-workplaces';
export { parseScanResult, type ScannedWorkplace, scanEntrance, workplacePageUrl } from './scan-entrance';
