import { WechatSubscribePurpose } from '@ankang/shared';
import { loadConfig } from '../config/app-config';
import { fitSubscribeMessageValue } from '../wechat/subscribe-message-values';
import {
  configuredTemplates,
  hazardAlertData,
  hazardReminderData,
  noticeData,
  subscribePage,
} from './subscribe-templates';

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

  it('fills the notice template with the title, the sender, the China time of publishing and a note', () => {
    expect(
      noticeData({
        title: '冬季安全生产通知',
        from: '甲市总工会',
        publishedAt: new Date('2026-11-30T16:05:00Z'),
        note: '请及时查看并确认阅知',
      }),
    ).toEqual({
      thing1: '冬季安全生产通知',
      thing2: '甲市总工会',
      time3: '2026年12月1日 00:05',
      thing4: '请及时查看并确认阅知',
    });
  });

  it.each([
    ['a 60-character Chinese title', '关'.repeat(60)],
    ['a title of characters outside the basic plane', '😀'.repeat(30)],
    ['a title of exactly 21 characters', 'A'.repeat(21)],
  ])('cuts %s to at most 20 characters, counted as WeChat counts them', (_case, title) => {
    const data = noticeData({ title, from: '甲'.repeat(40), publishedAt: new Date(), note: '请查看该安全通知' });
    for (const [key, value] of Object.entries(data)) {
      const fitted = fitSubscribeMessageValue(key, value);
      if (key.startsWith('thing')) expect([...fitted].length).toBeLessThanOrEqual(20);
    }
    expect([...fitSubscribeMessageValue('thing1', data.thing1)]).toHaveLength(20);
    expect(fitSubscribeMessageValue('thing1', data.thing1).startsWith([...title].slice(0, 19).join(''))).toBe(true);
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
