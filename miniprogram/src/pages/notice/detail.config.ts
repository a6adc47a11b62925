export default definePageConfig({
  navigationBarTitleText: '安全通知',
});
