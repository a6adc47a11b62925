import { addChinaDays, HazardCategory, HazardGrade, Industry } from '@ankang/shared';
import {
  chinaToday,
  type TriageForm,
  triageRequest,
  validateAuthorityReport,
  validateExtension,
  validateFix,
  validateReason,
  validateTriage,
} from './action-forms';
import { validateReport } from './report-draft';

const TODAY = '2026-11-29';

const TRIAGE: TriageForm = {
  grade: HazardGrade.General,
  category: HazardCategory.UnsafeCondition,
  industry: Industry.CoalMine,
  responsible: { id: 'u-5', displayName: '王小明' },
  measures: '更换护罩',
  funding: '',
  deadline: TODAY,
  contingencyPlan: '',
};

describe('the action forms’ rules', () => {
  it('reckons today in China time: 23:30 UTC is already the next day', () => {
    expect(chinaToday(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(chinaToday(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
  });

  it('takes a deadline of today, refuses yesterday and impossible dates', () => {
    expect(validateTriage(TRIAGE, TODAY)).toEqual({});
    expect(validateTriage({ ...TRIAGE, deadline: addChinaDays(TODAY, -1) }, TODAY)).toEqual({
      deadline: '整改期限不能早于今天',
    });
    expect(validateTriage({ ...TRIAGE, deadline: '2026-13-01' }, TODAY).deadline).toMatch(/年-月-日/);
  });

  it('requires the contingency plan for 重大 only', () => {
    expect(validateTriage({ ...TRIAGE, grade: HazardGrade.Major }, TODAY)).toEqual({
      contingencyPlan: '重大隐患必须填写应急预案',
    });
    expect(validateTriage({ ...TRIAGE, grade: HazardGrade.Major, contingencyPlan: '  ' }, TODAY)).toEqual({
      contingencyPlan: '重大隐患必须填写应急预案',
    });
    expect(validateTriage({ ...TRIAGE, grade: HazardGrade.Major, contingencyPlan: '停机挂牌' }, TODAY)).toEqual({});
  });

  it('sends trimmed text and leaves out what is empty', () => {
    expect(triageRequest({ ...TRIAGE, measures: '  更换护罩 ', funding: ' ', industry: null })).toEqual({
      grade: HazardGrade.General,
      category: HazardCategory.UnsafeCondition,
      responsibleUserId: 'u-5',
      measures: '更换护罩',
      deadline: TODAY,
    });
  });

  it('counts characters as people do (an emoji is one) against the 500 limit', () => {
    expect(validateReason('😀'.repeat(500))).toEqual({});
    expect(validateReason('😀'.repeat(501))).toEqual({ reason: '原因不能超过 500 字' });
    expect(validateReason(' ')).toEqual({ reason: '请填写原因' });
  });

  it('wants an extension later than the current deadline', () => {
    expect(validateExtension({ deadline: '2026-12-05', reason: '缺配件' }, TODAY, '2026-12-05')).toEqual({
      deadline: '新的期限须晚于现在的期限 2026-12-05',
    });
    expect(validateExtension({ deadline: '2026-12-06', reason: '缺配件' }, TODAY, '2026-12-05')).toEqual({});
  });

  it('wants 1 to 9 after-photos for a fix', () => {
    expect(validateFix({ note: '已整改', photos: [] })).toEqual({ photos: '请上传整改后的照片' });
    expect(validateFix({ note: '已整改', photos: Array.from({ length: 10 }) })).toEqual({ photos: '最多 9 张照片' });
  });

  it('refuses a report to the authority dated tomorrow', () => {
    expect(
      validateAuthorityReport({ department: '应急管理局', reportedOn: '2026-11-30', reference: '' }, TODAY),
    ).toEqual({ reportedOn: '报送日期不能晚于今天' });
  });

  it('wants 1 to 9 photos on a report', () => {
    const report = {
      workplace: { id: '42', code: 'HK', name: '主井口', enterpriseName: '河口煤业' },
      category: HazardCategory.Other,
      description: '隐患',
      locationNote: '',
      reporterVisibility: 'named' as never,
    };
    expect(validateReport({ ...report, photos: Array.from({ length: 9 }) })).toEqual({});
    expect(validateReport({ ...report, photos: Array.from({ length: 10 }) }).photos).toBe('请拍摄或选择 1 到 9 张照片');
    expect(validateReport({ ...report, photos: [1], locationNote: '位'.repeat(101) }).locationNote).toBe(
      '位置说明不能超过 100 字',
    );
  });
});
