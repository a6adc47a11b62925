export default definePageConfig({
  navigationBarTitleText: '安康',
  enablePullDownRefresh: true,
});
