export default definePageConfig({
  navigationBarTitleText: '班组点名',
  enablePullDownRefresh: true,
});
