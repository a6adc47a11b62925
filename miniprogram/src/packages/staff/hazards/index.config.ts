export default definePageConfig({
  navigationBarTitleText: '隐患工单',
  onReachBottomDistance: 120,
});
