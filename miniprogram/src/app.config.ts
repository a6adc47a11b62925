export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/training/index',
    'pages/report/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/privacy/index',
    // Where a workplace QR code lands (WORKPLACE_LANDING_PAGE in @ankang/shared): main package,
    // so a cold start from the entrance downloads nothing else.
    'pages/scan/index',
    'pages/profile-edit/index',
    // Hazard tickets: workers report, follow and (as assignees) fix; kept in the main package so a
    // worker reaches them from a scan or a message without downloading the staff pages.
    'pages/hazard/report',
    'pages/hazard/detail',
    'pages/hazard/mine',
    'pages/hazard/follow',
    'pages/inbox/index',
    // 班前打卡 from the landing page and the lesson with its quiz: the worker's morning path, so
    // main package (no subpackage download at the gate).
    'pages/check-in/index',
    'pages/lesson/index',
    // 安全通知: opened from the home page, the inbox and WeChat subscribe messages by every worker.
    'pages/notice/index',
    'pages/notice/detail',
  ],
  subPackages: [
    {
      // Officers and union staff only: kept out of the main package (≤ 2 MB) workers download.
      root: 'packages/staff',
      name: 'staff',
      pages: [
        'workbench/index',
        'org/index',
        'org-form/index',
        'people/index',
        'grants/index',
        'bindings/index',
        'qrcode/index',
        'hazards/index',
        'hazard-action/index',
        'lessons/index',
        'lesson-edit/index',
        'lesson-assign/index',
        'roll-call/index',
        'notices/index',
        'notice-edit/index',
        'notice-receipts/index',
      ],
    },
  ],
  preloadRule: {
    // Staff reach the 工作台 from 首页 or 我的. Prefetch it on Wi-Fi only, so a worker at the gate on
    // mobile data never downloads staff pages.
    'pages/index/index': { network: 'wifi', packages: ['staff'] },
    'pages/mine/index': { network: 'wifi', packages: ['staff'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f3f5f4',
    navigationBarBackgroundColor: '#0b7a4b',
    navigationBarTitleText: '安康',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#5c6b64',
    selectedColor: '#0b7a4b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/training/index',
        text: '培训',
        iconPath: 'assets/tabbar/training.png',
        selectedIconPath: 'assets/tabbar/training-active.png',
      },
      {
        pagePath: 'pages/report/index',
        text: '随手拍',
        iconPath: 'assets/tabbar/report.png',
        selectedIconPath: 'assets/tabbar/report-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
