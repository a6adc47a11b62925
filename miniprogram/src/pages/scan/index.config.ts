export default definePageConfig({
  navigationBarTitleText: '作业场所',
});
