export default definePageConfig({
  navigationBarTitleText: '班前打卡',
  enablePullDownRefresh: true,
});
