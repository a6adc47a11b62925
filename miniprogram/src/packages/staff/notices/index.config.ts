export default definePageConfig({
  navigationBarTitleText: '安全通知',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
