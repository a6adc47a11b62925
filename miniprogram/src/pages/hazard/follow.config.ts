export default definePageConfig({
  navigationBarTitleText: '匿名上报进度',
});
