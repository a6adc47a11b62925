import { WechatSubscribePurpose } from '@ankang/shared';
import { fakeApi, ok, signIn } from '../../../test/fake-api';
import { requestSubscribeMessage } from '../../../test/mocks/taro';
import { fetchSubscriptionTemplates } from './fetch-subscription-templates';
import { fetchWechatSubscriptions } from './fetch-wechat-subscriptions';
import { askForSubscriptions } from './request-subscriptions';

describe('WeChat subscribe messages', () => {
  it('reads the templates to ask for, one per configured purpose', async () => {
    signIn();
    fakeApi({
      'GET /me/wechat-subscriptions': ok({
        templates: [
          { purpose: WechatSubscribePurpose.HazardAlert, templateId: 'tmpl-a', remaining: 0 },
          { purpose: WechatSubscribePurpose.HazardReminder, templateId: 'tmpl-b', remaining: 2 },
        ],
      }),
    });
    await expect(fetchSubscriptionTemplates()).resolves.toEqual(['tmpl-a', 'tmpl-b']);
  });

  it('puts the notice template first, so it is among the three WeChat asks about', async () => {
    signIn();
    fakeApi({
      'GET /me/wechat-subscriptions': ok({
        templates: [
          { purpose: WechatSubscribePurpose.HazardAlert, templateId: 'tmpl-a', remaining: 0 },
          { purpose: WechatSubscribePurpose.HazardReminder, templateId: 'tmpl-b', remaining: 2 },
          { purpose: WechatSubscribePurpose.Notice, templateId: 'tmpl-n', remaining: 1 },
        ],
      }),
    });
    await expect(fetchSubscriptionTemplates()).resolves.toEqual(['tmpl-n', 'tmpl-a', 'tmpl-b']);
    await expect(fetchWechatSubscriptions()).resolves.toEqual([
      { purpose: WechatSubscribePurpose.Notice, templateId: 'tmpl-n', remaining: 1 },
      { purpose: WechatSubscribePurpose.HazardAlert, templateId: 'tmpl-a', remaining: 0 },
      { purpose: WechatSubscribePurpose.HazardReminder, templateId: 'tmpl-b', remaining: 2 },
    ]);
  });

  it('asks for at most three, records only WeChat’s answers for them (not errMsg), once', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    const api = fakeApi({ 'POST /me/wechat-subscriptions': ok({ templates: [] }) });
    requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      a: 'accept',
      b: 'ban',
      c: 'filter',
      d: 'accept',
    });

    await askForSubscriptions(['a', 'b', 'c', 'd']);

    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['a', 'b', 'c'] });
    expect(api.callsTo('POST', '/me/wechat-subscriptions').map((call) => call.data)).toEqual([
      { results: { a: 'accept', b: 'ban', c: 'filter' } },
    ]);
  });

  it('tells the server nothing when the person closes the dialog, and never throws', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    const api = fakeApi({});
    requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 });
    await expect(askForSubscriptions(['a'])).resolves.toBeUndefined();
    expect(api.calls).toHaveLength(0);
  });

  it('does nothing on H5 or without templates', async () => {
    await askForSubscriptions(['a']);
    process.env.TARO_ENV = 'weapp';
    await askForSubscriptions([]);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
