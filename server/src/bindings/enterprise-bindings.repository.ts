import { BindingStatus, Role } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { ScopeCondition } from '../access/scope';
import { isUniqueViolation } from '../database/unique-violation';
import { RoleGrant } from '../org/role-grant.entity';
import { User } from '../users/user.entity';
import { EnterpriseBinding } from './enterprise-binding.entity';

export interface NewBindingRequest {
  userId: number;
  enterpriseId: number;
  workplaceId: number;
  clientKey: string;
  /** The enterprise binds automatically: the request is approved as it is made. */
  approveAtOnce: boolean;
}

export interface DeciderListFilter {
  status: BindingStatus;
  scope: ScopeCondition;
  enterpriseId: number | null;
  /** The id of the last binding of the previous page. */
  afterId: number | null;
  limit: number;
}

const WITH_PARTIES = { enterprise: true, workplace: true } as const;

@Injectable()
export class EnterpriseBindingsRepository {
  constructor(@InjectRepository(EnterpriseBinding) private readonly bindings: Repository<EnterpriseBinding>) {}

  /** With its enterprise, workplace and person. */
  findByIdWithParties(id: number): Promise<EnterpriseBinding | null> {
    return this.bindings.findOne({ where: { id }, relations: { ...WITH_PARTIES, user: true } });
  }

  findByUserAndClientKey(userId: number, clientKey: string): Promise<EnterpriseBinding | null> {
    return this.bindings.findOne({ where: { userId, clientKey }, relations: WITH_PARTIES });
  }

  /** The person's most recent request, whatever became of it. */
  findLatestByUser(userId: number): Promise<EnterpriseBinding | null> {
    return this.bindings.findOne({ where: { userId }, relations: WITH_PARTIES, order: { id: 'DESC' } });
  }

  /**
   * Requests the deciding officer may see, oldest first while pending (the queue), newest first
   * once decided (the history).
   */
  listForDecider(filter: DeciderListFilter): Promise<EnterpriseBinding[]> {
    const ascending = filter.status === BindingStatus.Pending;
    const query = this.bindings
      .createQueryBuilder('binding')
      .innerJoinAndSelect('binding.enterprise', 'enterprise')
      .innerJoinAndSelect('binding.workplace', 'workplace')
      .innerJoinAndSelect('binding.user', 'user')
      .where('binding.status = :status', { status: filter.status })
      .andWhere(filter.scope.where, filter.scope.parameters);
    if (filter.enterpriseId !== null)
      query.andWhere('binding.enterpriseId = :enterpriseId', { enterpriseId: filter.enterpriseId });
    if (filter.afterId !== null) {
      query.andWhere(`binding.id ${ascending ? '>' : '<'} :afterId`, { afterId: filter.afterId });
    }
    return query
      .orderBy('binding.id', ascending ? 'ASC' : 'DESC')
      .take(filter.limit + 1)
      .getMany();
  }

  /**
   * Records a request; when `approveAtOnce`, binds the person as well. Earlier pending requests of
   * the person are cancelled. One transaction. The same client key again (a retry, even one racing
   * the first) returns the first request with `created: false`.
   */
  async createRequest(request: NewBindingRequest): Promise<{ binding: EnterpriseBinding; created: boolean }> {
    try {
      const outcome = await this.bindings.manager.transaction(async (manager) => {
        await lockPerson(manager, request.userId);
        const earlier = await manager
          .getRepository(EnterpriseBinding)
          .findOneBy({ userId: request.userId, clientKey: request.clientKey });
        if (earlier) return { id: earlier.id, created: false };
        const now = new Date();
        await manager
          .getRepository(EnterpriseBinding)
          .update(
            { userId: request.userId, status: BindingStatus.Pending },
            { status: BindingStatus.Cancelled, updatedAt: now },
          );
        const inserted = await manager.getRepository(EnterpriseBinding).insert({
          userId: request.userId,
          enterpriseId: request.enterpriseId,
          workplaceId: request.workplaceId,
          clientKey: request.clientKey,
          status: request.approveAtOnce ? BindingStatus.Approved : BindingStatus.Pending,
          reason: null,
          decidedBy: null,
          decidedAt: request.approveAtOnce ? now : null,
          createdAt: now,
          updatedAt: now,
        });
        if (request.approveAtOnce) await bindPerson(manager, request.userId, request.enterpriseId, null);
        return { id: Number(inserted.identifiers[0].id), created: true };
      });
      return { binding: await this.findOrFail(outcome.id), created: outcome.created };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByUserAndClientKey(request.userId, request.clientKey);
      if (!winner) throw error;
      return { binding: winner, created: false };
    }
  }

  /**
   * Approves a pending request and binds its person to the enterprise, in one transaction. False
   * when the request is no longer pending (someone decided or the worker withdrew meanwhile).
   */
  approve(binding: EnterpriseBinding, deciderId: number): Promise<boolean> {
    return this.bindings.manager.transaction(async (manager) => {
      await lockPerson(manager, binding.userId);
      const decided = await decidePending(manager, binding.id, {
        status: BindingStatus.Approved,
        decidedBy: deciderId,
      });
      if (decided) await bindPerson(manager, binding.userId, binding.enterpriseId, deciderId);
      return decided;
    });
  }

  /** Rejects a pending request; false when it is no longer pending. */
  reject(bindingId: number, deciderId: number, reason: string): Promise<boolean> {
    return decidePending(this.bindings.manager, bindingId, {
      status: BindingStatus.Rejected,
      decidedBy: deciderId,
      reason,
    });
  }

  /** Withdraws the person's pending request; the number withdrawn (0 or 1). */
  async cancelPendingOfUser(userId: number): Promise<number> {
    const result = await this.bindings.update(
      { userId, status: BindingStatus.Pending },
      { status: BindingStatus.Cancelled, updatedAt: new Date() },
    );
    return result.affected ?? 0;
  }

  private async findOrFail(id: number): Promise<EnterpriseBinding> {
    const binding = await this.bindings.findOne({ where: { id }, relations: WITH_PARTIES });
    if (!binding) throw new Error(`Binding ${id} vanished right after it was written`);
    return binding;
  }
}

/**
 * Touches the person's row first, so that concurrent binding writes for one person queue up behind
 * each other (InnoDB row lock; SQLite has one writer anyway) instead of interleaving.
 */
async function lockPerson(manager: EntityManager, userId: number): Promise<void> {
  await manager.getRepository(User).update({ id: userId }, { updatedAt: new Date() });
}

/** A conditional update, so two officers deciding at once cannot both win. */
async function decidePending(
  manager: EntityManager,
  bindingId: number,
  decision: { status: BindingStatus.Approved | BindingStatus.Rejected; decidedBy: number; reason?: string },
): Promise<boolean> {
  const now = new Date();
  const result = await manager
    .getRepository(EnterpriseBinding)
    .update(
      { id: bindingId, status: BindingStatus.Pending },
      { ...decision, reason: decision.reason ?? null, decidedAt: now, updatedAt: now },
    );
  return (result.affected ?? 0) > 0;
}

/**
 * The person belongs to the enterprise: `user.enterprise_id` and the one worker grant move there
 * (a worker is a worker of one enterprise; their other roles stay as they are).
 */
async function bindPerson(
  manager: EntityManager,
  userId: number,
  enterpriseId: number,
  grantedBy: number | null,
): Promise<void> {
  const now = new Date();
  await manager.getRepository(User).update({ id: userId }, { enterpriseId, updatedAt: now });
  await manager.getRepository(RoleGrant).delete({ userId, role: Role.Worker });
  await manager
    .getRepository(RoleGrant)
    .insert({ userId, role: Role.Worker, orgUnitId: enterpriseId, grantedBy, createdAt: now });
}
