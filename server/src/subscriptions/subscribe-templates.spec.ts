import { WechatSubscribePurpose } from '@ankang/shared';
import { loadConfig } from '../config/app-config';
import { fitSubscribeMessageValue } from '../wechat/subscribe-message-values';
import { configuredTemplates, hazardAlertData, hazardReminderData, subscribePage } from './subscribe-templates';

describe('subscribe templates', () => {
  it('fills the reminder template with the code, place, deadline as a Chinese date and a note', () => {
    expect(
      hazardReminderData({ code: 'HZ-20261129-0001', workplace: '主井口', deadline: '2026-12-01', note: '请按期整改' }),
    ).toEqual({
      character_string1: 'HZ-20261129-0001',
      thing2: '主井口',
      date3: '2026年12月1日',
      thing4: '请按期整改',
    });
  });

  it('keeps every value within what WeChat takes once cut to fit', () => {
    const data = hazardAlertData({
      code: 'HZ-20261129-0001',
      workplace: '一个名字非常非常非常非常长的作业场所入口处',
      state: '待验收',
      note: '请尽快安排验收',
    });
    for (const [key, value] of Object.entries(data)) {
      const fitted = fitSubscribeMessageValue(key, value);
      expect([...fitted].length).toBeLessThanOrEqual(key.startsWith('phrase') ? 5 : 32);
    }
    expect(fitSubscribeMessageValue('thing2', data.thing2)).toHaveLength(20);
  });

  it('drops the leading slash WeChat does not want on a page', () => {
    expect(subscribePage('/pages/hazard/detail?id=9')).toBe('pages/hazard/detail?id=9');
    expect(subscribePage('pages/inbox/index')).toBe('pages/inbox/index');
  });

  it('lists only the purposes with a template', () => {
    expect(configuredTemplates(loadConfig({}))).toEqual([]);
    expect(configuredTemplates(loadConfig({ WECHAT_TEMPLATE_HAZARD_ALERT: 'alert-1' }))).toEqual([
      { purpose: WechatSubscribePurpose.HazardAlert, templateId: 'alert-1' },
    ]);
  });
});
