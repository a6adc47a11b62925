import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { OrgUnit } from './org-unit.entity';

/** The fields of a new node; its id and path are the repository's business. */
export type NewOrgUnit = Pick<OrgUnit, 'kind' | 'name'> &
  Partial<Pick<OrgUnit, 'industry' | 'code' | 'address' | 'latitude' | 'longitude' | 'bindingMode' | 'gridId'>>;

@Injectable()
export class OrgUnitsRepository {
  constructor(@InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>) {}

  findById(id: number): Promise<OrgUnit | null> {
    return this.units.findOneBy({ id });
  }

  findByCode(code: string): Promise<OrgUnit | null> {
    return this.units.findOneBy({ code });
  }

  /**
   * Inserts a node under `parent` (null: a root). The id is only known after the insert, so the row
   * first gets a unique placeholder path that no subtree query can match, then its real one — both
   * inside one transaction, so no reader ever sees the placeholder.
   */
  async insertNode(parent: Pick<OrgUnit, 'id' | 'path'> | null, fields: NewOrgUnit, manager?: EntityManager) {
    const write = async (transaction: EntityManager): Promise<OrgUnit> => {
      const repository = transaction.getRepository(OrgUnit);
      const now = new Date();
      const inserted = await repository.insert({
        industry: null,
        code: null,
        address: null,
        latitude: null,
        longitude: null,
        bindingMode: null,
        gridId: null,
        ...fields,
        parentId: parent?.id ?? null,
        path: `~${randomUUID()}`,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      const id = Number(inserted.identifiers[0].id);
      const path = `${parent?.path ?? '/'}${id}/`;
      await repository.update({ id }, { path });
      return repository.findOneByOrFail({ id });
    };
    return manager ? write(manager) : this.units.manager.transaction(write);
  }
}
