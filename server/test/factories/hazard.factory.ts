import { randomUUID } from 'node:crypto';
import { HazardCategory, HazardState, ReporterVisibility } from '@ankang/shared';
import type { DataSource } from 'typeorm';
import { HazardTicket } from '../../src/hazards/hazard-ticket.entity';
import type { OrgUnit } from '../../src/org/org-unit.entity';

export type HazardTicketOverrides = Partial<
  Omit<HazardTicket, 'id' | 'workplaceId' | 'enterpriseId' | 'workplace' | 'enterprise' | 'reporter' | 'responsible'>
>;

/**
 * A hazard_ticket row in any state, inserted as it is — no lifecycle, no events, no photos — for
 * tests of what reads tickets (the deadline job, lists). `workplace` must be a workplace whose parent
 * is its enterprise. The code and client key are unique on every call.
 */
export async function createHazardTicket(
  dataSource: DataSource,
  workplace: OrgUnit,
  overrides: HazardTicketOverrides = {},
): Promise<HazardTicket> {
  if (workplace.parentId === null) throw new Error('createHazardTicket needs a workplace under an enterprise');
  const repository = dataSource.getRepository(HazardTicket);
  const now = new Date();
  const inserted = await repository.insert({
    code: `HZ-T${randomUUID().replace(/-/g, '').slice(0, 13)}`,
    clientKey: randomUUID(),
    reporterUserId: null,
    reporterVisibility: ReporterVisibility.Anonymous,
    followTokenHash: null,
    enterpriseId: workplace.parentId,
    workplaceId: workplace.id,
    industry: workplace.industry,
    category: HazardCategory.UnsafeCondition,
    description: '测试隐患：安全通道堆放杂物',
    locationNote: null,
    state: HazardState.Submitted,
    grade: null,
    responsibleUserId: null,
    measures: null,
    funding: null,
    dueAt: null,
    contingencyPlan: null,
    duplicateOfId: null,
    rejectReason: null,
    rectifiedBy: null,
    verifiedBy: null,
    extensionDueAt: null,
    extensionReason: null,
    extensionRequestedAt: null,
    authorityDepartment: null,
    authorityReportedOn: null,
    authorityReference: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  return repository.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
}
