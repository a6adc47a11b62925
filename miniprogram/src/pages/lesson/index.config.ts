export default definePageConfig({
  navigationBarTitleText: '岗前培训',
});
