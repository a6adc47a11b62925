import { CommonErrorCode, chinaDateOf, Permission, Role, ShiftClearance } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { OrgUnitsRepository } from '../org/org-units.repository';
import { type RollCallDto, type RollCallQueryDto, toRollCallEntry } from './check-ins.dto';
import { CheckInsRepository } from './check-ins.repository';

/**
 * The foreman's roll call of a workplace on a China day: who is cleared, who is not (declared a sign,
 * or still waiting for their lesson), and which of the enterprise's workers have not checked in
 * anywhere. Health declarations are shown only to the enterprise's officers (PIPL); union staff see
 * clearances alone.
 */
@Injectable()
export class RollCallService {
  constructor(
    private readonly checkIns: CheckInsRepository,
    private readonly orgUnits: OrgUnitsRepository,
  ) {}

  async rollCall(scope: Scope, workplaceId: number, query: RollCallQueryDto): Promise<RollCallDto> {
    const place = await this.orgUnits.findWorkplaceWithEnterprise(workplaceId);
    if (!place || !scope.can(Permission.RollCallRead, place.workplace.path)) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    const day = query.date ?? chinaDateOf(new Date());
    const [checkIns, absent] = await Promise.all([
      this.checkIns.findAtWorkplaceOnDay(place.workplace.id, day),
      this.checkIns.findWorkersWithoutCheckIn(place.enterprise.id, day),
    ]);
    const showDeclarations = scope.rolesAt(place.enterprise.path).includes(Role.Officer);
    const entries = checkIns.map((checkIn) => toRollCallEntry(checkIn, showDeclarations));
    return {
      workplace: { id: String(place.workplace.id), name: place.workplace.name },
      day,
      cleared: entries.filter((entry) => entry.clearance === ShiftClearance.Cleared),
      notCleared: entries.filter((entry) => entry.clearance !== ShiftClearance.Cleared),
      notCheckedIn: absent.map((person) => ({
        id: String(person.id),
        displayName: person.displayName,
        employeeNumber: person.employeeNumber,
      })),
    };
  }
}
