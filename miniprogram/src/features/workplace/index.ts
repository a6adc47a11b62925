export { fetchWorkplaceCard } from './fetch-workplace-card';
export { parseScanResult, type ScannedWorkplace, scanEntrance, workplacePageUrl } from './scan-entrance';
