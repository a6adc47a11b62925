import { AuthErrorCode, type OrgKind, type Role } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException } from '../common/app-exception';
import { User } from '../users/user.entity';
import { Scope } from './scope';

interface ScopeRow {
  disabledAt: Date | string | null;
  role: Role | null;
  orgUnitId: number | string | null;
  kind: OrgKind | null;
  path: string | null;
}

@Injectable()
export class ScopeService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /**
   * A person's scope: their grants at nodes that are not archived. One indexed query, which also
   * shuts out at once an account disabled (or removed) since its access token was issued.
   */
  async forUser(userId: number): Promise<Scope> {
    const rows = await this.users
      .createQueryBuilder('person')
      .leftJoin('role_grant', 'grant', 'grant.user_id = person.id')
      .leftJoin('org_unit', 'unit', 'unit.id = grant.org_unit_id AND unit.archived_at IS NULL')
      .select([
        'person.disabled_at AS disabledAt',
        'grant.role AS role',
        'unit.id AS orgUnitId',
        'unit.kind AS kind',
        'unit.path AS path',
      ])
      .where('person.id = :userId', { userId })
      .getRawMany<ScopeRow>();
    if (rows.length === 0) throw new AppException(AuthErrorCode.Unauthenticated);
    if (rows[0].disabledAt !== null) throw new AppException(AuthErrorCode.UserDisabled);
    return new Scope(
      userId,
      rows.flatMap((row) =>
        row.role && row.orgUnitId !== null && row.kind && row.path
          ? [{ role: row.role, orgUnitId: Number(row.orgUnitId), kind: row.kind, path: row.path }]
          : [],
      ),
    );
  }
}
