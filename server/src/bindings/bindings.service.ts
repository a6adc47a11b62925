import {
  AuthErrorCode,
  BindingMode,
  BindingStatus,
  CommonErrorCode,
  OrgErrorCode,
  OrgKind,
  type Page,
  Permission,
  workplaceCodeProblem,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import { OrgUnitsRepository } from '../org/org-units.repository';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import {
  type BindingListQueryDto,
  type EnterpriseBindingDto,
  type EnterpriseBindingSummaryDto,
  type RequestBindingDto,
  toBindingSummary,
  toEnterpriseBinding,
} from './bindings.dto';
import type { EnterpriseBinding } from './enterprise-binding.entity';
import { EnterpriseBindingsRepository } from './enterprise-bindings.repository';

export interface BindingRequestOutcome {
  binding: EnterpriseBindingSummaryDto;
  /** False when the client key had been used already: a retry, answered with the first result. */
  created: boolean;
}

/** 「我在这里工作」: a worker's request to belong to an enterprise, and the officer's decision. */
@Injectable()
export class BindingsService {
  constructor(
    private readonly bindings: EnterpriseBindingsRepository,
    private readonly users: UsersRepository,
    private readonly orgUnits: OrgUnitsRepository,
  ) {}

  async request(userId: number, request: RequestBindingDto): Promise<BindingRequestOutcome> {
    const person = await this.findPersonOrFail(userId);
    const earlier = await this.bindings.findByUserAndClientKey(person.id, request.clientKey);
    if (earlier) return { binding: this.retried(earlier, request), created: false };

    const found =
      workplaceCodeProblem(request.workplaceCode) === null
        ? await this.orgUnits.findWorkplaceWithEnterpriseByCode(request.workplaceCode)
        : null;
    if (!found) throw new AppException(OrgErrorCode.WorkplaceNotFound);
    const { workplace, enterprise } = found;
    if (workplace.archivedAt || enterprise.archivedAt) throw new AppException(OrgErrorCode.WorkplaceArchived);
    if (person.enterpriseId === enterprise.id) throw new AppException(OrgErrorCode.BindingAlreadyBound);

    const { binding, created } = await this.bindings.createRequest({
      userId: person.id,
      enterpriseId: enterprise.id,
      workplaceId: workplace.id,
      clientKey: request.clientKey,
      approveAtOnce: enterprise.bindingMode === BindingMode.Automatic,
    });
    return { binding: created ? toBindingSummary(binding) : this.retried(binding, request), created };
  }

  async withdrawPending(userId: number): Promise<void> {
    const person = await this.findPersonOrFail(userId);
    const withdrawn = await this.bindings.cancelPendingOfUser(person.id);
    if (withdrawn === 0) throw new AppException(OrgErrorCode.BindingNotPending);
  }

  async list(scope: Scope, query: BindingListQueryDto): Promise<Page<EnterpriseBindingDto>> {
    let enterpriseId: number | null = null;
    if (query.enterpriseId !== undefined) {
      const enterprise = await this.orgUnits.findById(Number(query.enterpriseId));
      if (
        !enterprise ||
        enterprise.kind !== OrgKind.Enterprise ||
        !scope.can(Permission.BindingDecide, enterprise.path)
      ) {
        throw new AppException(CommonErrorCode.NotFound);
      }
      enterpriseId = enterprise.id;
    }
    const limit = pageLimit(query);
    const [afterId] = query.cursor ? (decodeCursor(query.cursor, ['number']) as number[]) : [null];
    const rows = await this.bindings.listForDecider({
      status: query.status ?? BindingStatus.Pending,
      scope: scope.pathCondition(Permission.BindingDecide, 'enterprise.path'),
      enterpriseId,
      afterId,
      limit,
    });
    return toPage(rows, limit, (row) => [row.id], toEnterpriseBinding);
  }

  async approve(scope: Scope, id: number): Promise<EnterpriseBindingDto> {
    const binding = await this.findDecidableOrFail(scope, id);
    if (binding.enterprise?.archivedAt) throw new AppException(OrgErrorCode.WorkplaceArchived);
    if (!(await this.bindings.approve(binding, scope.userId))) {
      throw new AppException(OrgErrorCode.BindingNotPending);
    }
    return toEnterpriseBinding(await this.findDecidableOrFail(scope, id));
  }

  async reject(scope: Scope, id: number, reason: string): Promise<EnterpriseBindingDto> {
    const binding = await this.findDecidableOrFail(scope, id);
    if (!(await this.bindings.reject(binding.id, scope.userId, reason))) {
      throw new AppException(OrgErrorCode.BindingNotPending);
    }
    return toEnterpriseBinding(await this.findDecidableOrFail(scope, id));
  }

  /**
   * A pending request the caller may decide. Out of scope is answered exactly as a missing id; a
   * request already decided is said so (only to someone who may see it).
   */
  private async findDecidableOrFail(scope: Scope, id: number): Promise<EnterpriseBinding> {
    const binding = await this.bindings.findByIdWithParties(id);
    if (!binding?.enterprise || !scope.can(Permission.BindingDecide, binding.enterprise.path)) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    return binding;
  }

  /** A retry answers the first request, unless the key was used for another workplace (a client bug). */
  private retried(earlier: EnterpriseBinding, request: RequestBindingDto): EnterpriseBindingSummaryDto {
    if (earlier.workplace?.code !== request.workplaceCode) {
      throw new AppException(CommonErrorCode.ValidationFailed, [
        { field: 'clientKey', message: '该请求标识已用于另一个作业场所，请重新扫码后再试' },
      ]);
    }
    return toBindingSummary(earlier);
  }

  /** A token can outlive its user's account: a vanished or disabled user is asked to log in again. */
  private async findPersonOrFail(userId: number): Promise<User> {
    const person = await this.users.findById(userId);
    if (!person) throw new AppException(AuthErrorCode.Unauthenticated);
    if (person.disabledAt) throw new AppException(AuthErrorCode.UserDisabled);
    return person;
  }
}
