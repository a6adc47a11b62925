import { CommonErrorCode, chinaDateOf, OrgErrorCode, ShiftClearance, TrainingErrorCode } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { isUniqueViolation } from '../database/unique-violation';
import { InboxService } from '../inbox/inbox.service';
import { OrgUnitsRepository } from '../org/org-units.repository';
import type { TodaysLessonDto } from '../training/worker-lessons.dto';
import { WorkerLessonsService } from '../training/worker-lessons.service';
import { UsersRepository } from '../users/users.repository';
import type { CheckIn } from './check-in.entity';
import { notClearedAlerts } from './check-in-alerts';
import { type CheckInCardDto, type CheckInRequestDto, toCheckInCard } from './check-ins.dto';
import { CheckInsRepository } from './check-ins.repository';
import { declaresSign } from './health-declaration';

export interface CheckInOutcome {
  card: CheckInCardDto;
  /** False when the worker had checked in already (the same key, or earlier the same China day). */
  created: boolean;
}

/**
 * 班前打卡, once a China day per worker, at a workplace of the enterprise they are bound to. Any sign
 * in the declaration: not cleared, and the enterprise's officers are told in the same transaction.
 * Fit: today's lesson, or cleared at once when there is none. A retry, or a second check-in the same
 * day, gets the first one back whatever it declares.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly checkIns: CheckInsRepository,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly users: UsersRepository,
    private readonly lessons: WorkerLessonsService,
    private readonly inbox: InboxService,
  ) {}

  async checkIn(scope: Scope, body: CheckInRequestDto): Promise<CheckInOutcome> {
    const now = new Date();
    const day = chinaDateOf(now);
    const earlier = await this.checkIns.findEarlier(scope.userId, body.clientKey, day);
    if (earlier) return { card: await this.cardOf(earlier), created: false };

    const place = await this.orgUnits.findWorkplaceWithEnterprise(Number(body.workplaceId));
    if (!place) throw new AppException(OrgErrorCode.WorkplaceNotFound);
    if (place.workplace.archivedAt || place.enterprise.archivedAt) {
      throw new AppException(OrgErrorCode.WorkplaceArchived);
    }
    const worker = await this.users.findById(scope.userId);
    if (!worker || worker.enterpriseId !== place.enterprise.id) {
      throw new AppException(TrainingErrorCode.NotBoundToEnterprise);
    }

    const { declaration } = body;
    const unfit = declaresSign(declaration);
    const todaysLesson = unfit
      ? null
      : await this.lessons.todaysLesson({ userId: worker.id, enterprise: place.enterprise }, now);
    const clearance = unfit
      ? ShiftClearance.NotCleared
      : todaysLesson
        ? ShiftClearance.LessonPending
        : ShiftClearance.Cleared;

    let checkIn: CheckIn;
    try {
      checkIn = await this.checkIns.transaction(async (manager) => {
        const written = await this.checkIns.insert(manager, {
          userId: worker.id,
          enterpriseId: place.enterprise.id,
          workplaceId: place.workplace.id,
          day,
          clientKey: body.clientKey,
          fever: declaration.fever,
          cough: declaration.cough,
          feelingUnwell: declaration.feelingUnwell,
          otherSymptoms: declaration.otherSymptoms ?? null,
          temperature: declaration.temperature ?? null,
          clearance,
          clearedAt: clearance === ShiftClearance.Cleared ? now : null,
          passedAttemptId: null,
          declarationReducedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        if (unfit) {
          // The worker is told to rest; the officers, not the worker, need the message.
          const officers = (await this.checkIns.findOfficerIds(manager, place.enterprise.id)).filter(
            (officerId) => officerId !== worker.id,
          );
          await this.inbox.deliver(notClearedAlerts(officers, written, worker, place.workplace), manager);
        }
        return written;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A parallel retry, or another check-in of the same day, was written first: it stands.
      const winner = await this.checkIns.findEarlier(scope.userId, body.clientKey, day);
      if (!winner) throw error;
      return { card: await this.cardOf(winner), created: false };
    }
    return {
      card: toCheckInCard({
        checkIn,
        worker,
        workplace: place.workplace,
        enterprise: place.enterprise,
        todaysLesson,
        passedLesson: null,
      }),
      created: true,
    };
  }

  /** The caller's check-in of today (China day), or not found. */
  async today(scope: Scope): Promise<CheckInCardDto> {
    const checkIn = await this.checkIns.findByUserAndDay(scope.userId, chinaDateOf(new Date()));
    if (!checkIn) throw new AppException(CommonErrorCode.NotFound);
    return this.cardOf(checkIn);
  }

  /**
   * The card of a stored check-in. Waiting for a lesson, it names today's lesson as it is now; when
   * no lesson is left to take (all archived meanwhile), the worker is cleared rather than stranded.
   */
  private async cardOf(checkIn: CheckIn): Promise<CheckInCardDto> {
    const [worker, place] = await Promise.all([
      this.users.findById(checkIn.userId),
      this.orgUnits.findWorkplaceWithEnterprise(checkIn.workplaceId),
    ]);
    if (!worker || !place) throw new Error(`Check-in ${checkIn.id} names a missing worker or workplace`);
    let todaysLesson: TodaysLessonDto | null = null;
    if (checkIn.clearance === ShiftClearance.LessonPending) {
      todaysLesson = await this.lessons.todaysLesson({ userId: worker.id, enterprise: place.enterprise });
      if (!todaysLesson) await this.clearWithoutLesson(checkIn);
    }
    const passedLesson =
      checkIn.passedAttemptId === null ? null : await this.lessons.passedLesson(worker.id, checkIn.passedAttemptId);
    return toCheckInCard({
      checkIn,
      worker,
      workplace: place.workplace,
      enterprise: place.enterprise,
      todaysLesson,
      passedLesson,
    });
  }

  private async clearWithoutLesson(checkIn: CheckIn): Promise<void> {
    const now = new Date();
    if (await this.checkIns.clearWithoutLesson(checkIn.id, now)) {
      Object.assign(checkIn, { clearance: ShiftClearance.Cleared, clearedAt: now });
    }
  }
}
