import { ShiftClearance } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CheckIn } from '../check-ins/check-in.entity';

/**
 * The check-in side of a pre-shift quiz: which check-in a lesson may be taken for, and clearing it
 * when the lesson is passed — in the submission's own transaction, so a passed quiz and a cleared
 * worker are never seen apart. (The declaration and the card are the check-ins feature's.)
 */
@Injectable()
export class CheckInClearanceRepository {
  constructor(@InjectRepository(CheckIn) private readonly checkIns: Repository<CheckIn>) {}

  /** The person's own check-in; anyone else's is not found. */
  findOwned(userId: number, id: number): Promise<CheckIn | null> {
    return this.checkIns.findOneBy({ id, userId });
  }

  /** Clears a check-in still waiting for its lesson; a cleared or not-cleared one stays as it is. */
  async clearPending(manager: EntityManager, checkInId: number, attemptId: number, at: Date): Promise<void> {
    await manager
      .getRepository(CheckIn)
      .update(
        { id: checkInId, clearance: ShiftClearance.LessonPending },
        { clearance: ShiftClearance.Cleared, clearedAt: at, passedAttemptId: attemptId, updatedAt: at },
      );
  }

  async clearanceOf(checkInId: number, manager: EntityManager = this.checkIns.manager): Promise<ShiftClearance | null> {
    const checkIn = await manager
      .getRepository(CheckIn)
      .findOne({ select: { id: true, clearance: true }, where: { id: checkInId } });
    return checkIn?.clearance ?? null;
  }
}
