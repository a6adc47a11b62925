import { Role, ShiftClearance } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import { User } from '../users/user.entity';
import { CheckIn } from './check-in.entity';

/** A check-in as it is first written. */
export type NewCheckIn = Omit<CheckIn, 'id' | 'user' | 'enterprise' | 'workplace'>;

/** Check-ins, the people around them (officers to tell, workers to count), and the PIPL reduction. */
@Injectable()
export class CheckInsRepository {
  constructor(@InjectRepository(CheckIn) private readonly checkIns: Repository<CheckIn>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.checkIns.manager.transaction(work);
  }

  findByUserAndDay(userId: number, day: string): Promise<CheckIn | null> {
    return this.checkIns.findOneBy({ userId, day });
  }

  /**
   * What a check-in request gets back instead of a new one: the person's check-in made with this
   * client key (a retry), else their check-in of the day. One query on the two unique keys.
   */
  async findEarlier(userId: number, clientKey: string, day: string): Promise<CheckIn | null> {
    const rows = await this.checkIns
      .createQueryBuilder('checkIn')
      .where('checkIn.userId = :userId', { userId })
      .andWhere('(checkIn.clientKey = :clientKey OR checkIn.day = :day)', { clientKey, day })
      .getMany();
    return rows.find((row) => row.clientKey === clientKey) ?? rows[0] ?? null;
  }

  /** Inserts the check-in; a second one of the person for the day, or a reused key, fails on a unique key. */
  async insert(manager: EntityManager, checkIn: NewCheckIn): Promise<CheckIn> {
    const inserted = await manager.getRepository(CheckIn).insert(checkIn);
    return Object.assign(new CheckIn(), checkIn, { id: Number(inserted.identifiers[0].id) });
  }

  /** Clears a check-in still waiting for a lesson when there is none to take; false when it was not waiting. */
  async clearWithoutLesson(id: number, at: Date): Promise<boolean> {
    const result = await this.checkIns.update(
      { id, clearance: ShiftClearance.LessonPending },
      { clearance: ShiftClearance.Cleared, clearedAt: at, updatedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  /** The enterprise's active safety officers. */
  async findOfficerIds(manager: EntityManager, enterpriseId: number): Promise<number[]> {
    const rows = await manager
      .getRepository(User)
      .createQueryBuilder('person')
      .select('person.id', 'id')
      .distinct(true)
      .innerJoin('role_grant', 'officer_grant', 'officer_grant.user_id = person.id')
      .where('officer_grant.role = :role', { role: Role.Officer })
      .andWhere('officer_grant.org_unit_id = :enterpriseId', { enterpriseId })
      .andWhere('person.disabledAt IS NULL')
      .orderBy('person.id', 'ASC')
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /** A workplace's check-ins of a day, earliest first, with their workers. */
  findAtWorkplaceOnDay(workplaceId: number, day: string): Promise<CheckIn[]> {
    return this.checkIns.find({
      where: { workplaceId, day },
      relations: { user: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Active people bound to the enterprise with no check-in anywhere on the day, by name. */
  findWorkersWithoutCheckIn(enterpriseId: number, day: string): Promise<User[]> {
    return this.checkIns.manager
      .getRepository(User)
      .createQueryBuilder('person')
      .where('person.enterpriseId = :enterpriseId', { enterpriseId })
      .andWhere('person.disabledAt IS NULL')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM check_in day_check_in WHERE day_check_in.user_id = person.id AND day_check_in.day = :day)',
        { day },
      )
      .orderBy('person.displayName', 'ASC')
      .addOrderBy('person.id', 'ASC')
      .getMany();
  }

  /** Check-ins of days before `beforeDay` still holding their declaration: the oldest first. */
  async findIdsToReduce(beforeDay: string, limit: number): Promise<number[]> {
    const rows = await this.checkIns.find({
      select: { id: true },
      // China dates `YYYY-MM-DD` compare as text.
      where: { declarationReducedAt: IsNull(), day: LessThan(beforeDay) },
      order: { day: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }

  /** Drops the symptom details, keeping the clearance; rows reduced meanwhile are left alone. */
  async reduceDeclarations(ids: number[], at: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.checkIns.update(
      { id: In(ids), declarationReducedAt: IsNull() },
      {
        fever: null,
        cough: null,
        feelingUnwell: null,
        otherSymptoms: null,
        temperature: null,
        declarationReducedAt: at,
        updatedAt: at,
      },
    );
    return result.affected ?? 0;
  }
}
