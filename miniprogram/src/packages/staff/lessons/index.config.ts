export default definePageConfig({
  navigationBarTitleText: '培训课程',
  onReachBottomDistance: 120,
});
