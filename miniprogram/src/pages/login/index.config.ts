export default definePageConfig({
  navigationBarTitleText: '登录安康',
});
