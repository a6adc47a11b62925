import { NoticeState, OrgKind, Role } from '@ankang/shared';
import { Scope } from '../access/scope';
import { isEditable, mayAddressNotice, publishDecision, stateAfterEdit } from './notice-rules';

const province = { id: 1, kind: OrgKind.Union, path: '/1/' };
const city = { id: 7, kind: OrgKind.Union, path: '/1/7/' };
const enterprise = { id: 42, kind: OrgKind.Enterprise, path: '/1/7/42/' };
const otherEnterprise = { id: 43, kind: OrgKind.Enterprise, path: '/1/7/43/' };
const workplace = { id: 99, kind: OrgKind.Workplace, path: '/1/7/42/99/' };

function scopeOf(role: Role, node: { id: number; kind: OrgKind; path: string }): Scope {
  return new Scope(5, [{ role, orgUnitId: node.id, kind: node.kind, path: node.path }]);
}

describe('mayAddressNotice', () => {
  it('lets union staff address unions and enterprises of their subtree, not above it nor workplaces', () => {
    const staff = scopeOf(Role.UnionStaff, city);
    expect(mayAddressNotice(staff, city)).toBe(true);
    expect(mayAddressNotice(staff, enterprise)).toBe(true);
    expect(mayAddressNotice(staff, province)).toBe(false);
    expect(mayAddressNotice(staff, workplace)).toBe(false);
  });

  it('lets an officer address their own enterprise only', () => {
    const officer = scopeOf(Role.Officer, enterprise);
    expect(mayAddressNotice(officer, enterprise)).toBe(true);
    expect(mayAddressNotice(officer, otherEnterprise)).toBe(false);
    expect(mayAddressNotice(officer, workplace)).toBe(false);
    expect(mayAddressNotice(officer, city)).toBe(false);
  });

  it('gives workers and admins nowhere', () => {
    expect(mayAddressNotice(scopeOf(Role.Worker, enterprise), enterprise)).toBe(false);
    expect(mayAddressNotice(scopeOf(Role.Admin, province), city)).toBe(false);
  });
});

describe('publishDecision', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  const later = new Date('2026-12-02T00:00:00.000Z');
  const earlier = new Date('2026-11-30T00:00:00.000Z');

  it('publishes a draft now unless its publish time is to come', () => {
    expect(publishDecision(NoticeState.Draft, null, now)).toEqual({ kind: 'publish' });
    expect(publishDecision(NoticeState.Draft, earlier, now)).toEqual({ kind: 'publish' });
    expect(publishDecision(NoticeState.Draft, later, now)).toEqual({ kind: 'schedule' });
  });

  it('leaves a scheduled notice alone until its time, and a published one for good', () => {
    expect(publishDecision(NoticeState.Scheduled, later, now)).toEqual({ kind: 'unchanged' });
    expect(publishDecision(NoticeState.Scheduled, earlier, now)).toEqual({ kind: 'publish' });
    expect(publishDecision(NoticeState.Published, null, now)).toEqual({ kind: 'unchanged' });
  });

  it('refuses to publish a withdrawn notice', () => {
    expect(publishDecision(NoticeState.Withdrawn, null, now)).toEqual({ kind: 'refuse' });
  });
});

describe('editing', () => {
  it('keeps drafts and scheduled notices editable, and nothing else', () => {
    expect(isEditable(NoticeState.Draft)).toBe(true);
    expect(isEditable(NoticeState.Scheduled)).toBe(true);
    expect(isEditable(NoticeState.Published)).toBe(false);
    expect(isEditable(NoticeState.Withdrawn)).toBe(false);
  });

  it('turns a scheduled notice back into a draft when its publish time is removed', () => {
    expect(stateAfterEdit(NoticeState.Scheduled, null)).toBe(NoticeState.Draft);
    expect(stateAfterEdit(NoticeState.Scheduled, new Date())).toBe(NoticeState.Scheduled);
    expect(stateAfterEdit(NoticeState.Draft, new Date())).toBe(NoticeState.Draft);
  });
});
