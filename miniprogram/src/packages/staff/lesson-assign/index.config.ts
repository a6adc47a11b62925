export default definePageConfig({
  navigationBarTitleText: '指派课程',
});
