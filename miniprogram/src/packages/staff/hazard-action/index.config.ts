export default definePageConfig({
  navigationBarTitleText: '处理隐患',
});
