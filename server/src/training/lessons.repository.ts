import { type LessonContent, LessonStatus, type LessonTopic } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Repository } from 'typeorm';
import type { ScopeCondition } from '../access/scope';
import { lockedForWrite } from '../org/row-locks';
import { containsPattern, LIKE_ESCAPE } from '../org/text-search';
import { Lesson } from './lesson.entity';
import { LessonAssignment } from './lesson-assignment.entity';
import { LessonVersion } from './lesson-version.entity';

/** A lesson with the version workers get now. */
export interface CurrentLesson {
  lesson: Lesson;
  version: LessonVersion;
}

/** Which lessons an editor's list covers, newest first, paged on the id. */
export interface LessonPageFilter {
  /** The owner's path within the caller's scope. */
  ownerPaths: ScopeCondition;
  status?: LessonStatus;
  ownerOrgUnitId?: number;
  topic?: LessonTopic;
  q?: string;
  beforeId: number | null;
  take: number;
}

/** The columns of a version that hold its content. */
function versionColumns(content: LessonContent) {
  return {
    title: content.title,
    topic: content.topic,
    bodyHtml: content.bodyHtml,
    imageIds: JSON.stringify(content.imageIds),
    videoUrl: content.videoUrl,
    durationSeconds: content.durationSeconds,
    workerGroups: JSON.stringify(content.workerGroups),
    industries: JSON.stringify(content.industries),
    passMark: content.passMark,
    questions: JSON.stringify(content.questions),
  };
}

/** Lessons, their versions and their assignments. */
@Injectable()
export class LessonsRepository {
  constructor(@InjectRepository(Lesson) private readonly lessons: Repository<Lesson>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.lessons.manager.transaction(work);
  }

  /** The lesson with its owner node. */
  findByIdWithOwner(id: number): Promise<Lesson | null> {
    return this.lessons.findOne({ where: { id }, relations: { owner: true } });
  }

  /** The lesson, its row locked until the transaction ends: edits, publication and versions take turns. */
  lockById(manager: EntityManager, id: number): Promise<Lesson | null> {
    return lockedForWrite(
      manager.getRepository(Lesson).createQueryBuilder('lesson').where('lesson.id = :id', { id }),
    ).getOne();
  }

  /** Inserts a draft with its first version. Returns the lesson's id. */
  async insertDraft(
    manager: EntityManager,
    draft: { ownerOrgUnitId: number; createdBy: number; content: LessonContent },
    now: Date,
  ): Promise<number> {
    const inserted = await manager.getRepository(Lesson).insert({
      ownerOrgUnitId: draft.ownerOrgUnitId,
      status: LessonStatus.Draft,
      currentVersion: 1,
      createdBy: draft.createdBy,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const lessonId = Number(inserted.identifiers[0].id);
    await this.insertVersion(
      manager,
      { lessonId, version: 1, content: draft.content, publishedAt: null },
      draft.createdBy,
      now,
    );
    return lessonId;
  }

  async insertVersion(
    manager: EntityManager,
    version: { lessonId: number; version: number; content: LessonContent; publishedAt: Date | null },
    createdBy: number,
    now: Date,
  ): Promise<void> {
    await manager.getRepository(LessonVersion).insert({
      lessonId: version.lessonId,
      version: version.version,
      ...versionColumns(version.content),
      publishedAt: version.publishedAt,
      createdBy,
      createdAt: now,
    });
  }

  /** Rewrites a draft's version in place; the condition keeps any published version out of reach. */
  async updateDraftVersion(manager: EntityManager, lesson: Lesson, content: LessonContent): Promise<void> {
    await manager
      .getRepository(LessonVersion)
      .update({ lessonId: lesson.id, version: lesson.currentVersion, publishedAt: IsNull() }, versionColumns(content));
  }

  async markPublished(manager: EntityManager, lesson: Lesson, now: Date): Promise<void> {
    await manager
      .getRepository(LessonVersion)
      .update({ lessonId: lesson.id, version: lesson.currentVersion }, { publishedAt: now });
    await manager.getRepository(Lesson).update({ id: lesson.id }, { status: LessonStatus.Published, updatedAt: now });
  }

  async setCurrentVersion(manager: EntityManager, lessonId: number, version: number, now: Date): Promise<void> {
    await manager.getRepository(Lesson).update({ id: lessonId }, { currentVersion: version, updatedAt: now });
  }

  async touch(manager: EntityManager, lessonId: number, now: Date): Promise<void> {
    await manager.getRepository(Lesson).update({ id: lessonId }, { updatedAt: now });
  }

  async markArchived(manager: EntityManager, lessonId: number, now: Date): Promise<void> {
    await manager
      .getRepository(Lesson)
      .update({ id: lessonId }, { status: LessonStatus.Archived, archivedAt: now, updatedAt: now });
  }

  findVersion(lessonId: number, version: number, manager: EntityManager = this.lessons.manager) {
    return manager.getRepository(LessonVersion).findOneBy({ lessonId, version });
  }

  findVersionsByIds(ids: number[]): Promise<LessonVersion[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.lessons.manager.getRepository(LessonVersion).findBy({ id: In(ids) });
  }

  /** The current version of each lesson, by lesson id. */
  async findCurrentVersions(lessonIds: number[]): Promise<Map<number, LessonVersion>> {
    if (lessonIds.length === 0) return new Map();
    const versions = await this.lessons.manager
      .getRepository(LessonVersion)
      .createQueryBuilder('version')
      .innerJoin(Lesson, 'lesson', 'lesson.id = version.lessonId AND lesson.currentVersion = version.version')
      .where('version.lessonId IN (:...lessonIds)', { lessonIds })
      .getMany();
    return new Map(versions.map((version) => [version.lessonId, version]));
  }

  /** When each lesson was first published (its first version's publication). */
  async findFirstPublishedAt(lessonIds: number[]): Promise<Map<number, Date>> {
    if (lessonIds.length === 0) return new Map();
    const versions = await this.lessons.manager
      .getRepository(LessonVersion)
      .findBy({ lessonId: In(lessonIds), version: 1 });
    return new Map(
      versions.flatMap((version) => (version.publishedAt ? [[version.lessonId, version.publishedAt] as const] : [])),
    );
  }

  /** Editors' list: lessons owned within the scope, newest first. */
  findPage(filter: LessonPageFilter): Promise<Lesson[]> {
    const query = this.lessons
      .createQueryBuilder('lesson')
      .innerJoinAndSelect('lesson.owner', 'owner')
      .innerJoin(LessonVersion, 'version', 'version.lessonId = lesson.id AND version.version = lesson.currentVersion')
      .where(filter.ownerPaths.where, filter.ownerPaths.parameters);
    if (filter.status !== undefined) query.andWhere('lesson.status = :status', { status: filter.status });
    if (filter.ownerOrgUnitId !== undefined) {
      query.andWhere('lesson.ownerOrgUnitId = :ownerId', { ownerId: filter.ownerOrgUnitId });
    }
    if (filter.topic !== undefined) query.andWhere('version.topic = :topic', { topic: filter.topic });
    if (filter.q) query.andWhere(`version.title LIKE :title ${LIKE_ESCAPE}`, { title: containsPattern(filter.q) });
    if (filter.beforeId !== null) query.andWhere('lesson.id < :beforeId', { beforeId: filter.beforeId });
    return query.orderBy('lesson.id', 'DESC').limit(filter.take).getMany();
  }

  /** Published lessons owned at any of the nodes, with their current versions. */
  async findPublishedOwnedBy(ownerIds: number[]): Promise<CurrentLesson[]> {
    if (ownerIds.length === 0) return [];
    const lessons = await this.lessons.findBy({ ownerOrgUnitId: In(ownerIds), status: LessonStatus.Published });
    const versions = await this.findCurrentVersions(lessons.map((lesson) => lesson.id));
    return lessons.flatMap((lesson) => {
      const version = versions.get(lesson.id);
      return version ? [{ lesson, version }] : [];
    });
  }

  // Assignments ---------------------------------------------------------------------------------

  findAssignment(manager: EntityManager, lessonId: number, orgUnitId: number): Promise<LessonAssignment | null> {
    return manager.getRepository(LessonAssignment).findOneBy({ lessonId, orgUnitId });
  }

  async insertAssignment(
    manager: EntityManager,
    assignment: Pick<LessonAssignment, 'lessonId' | 'orgUnitId' | 'dueOn' | 'assignedBy'>,
    now: Date,
  ): Promise<LessonAssignment> {
    const repository = manager.getRepository(LessonAssignment);
    const inserted = await repository.insert({ ...assignment, createdAt: now });
    return repository.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
  }

  async updateAssignmentDueOn(manager: EntityManager, assignment: LessonAssignment, dueOn: string, assignedBy: number) {
    await manager.getRepository(LessonAssignment).update({ id: assignment.id }, { dueOn, assignedBy });
    return Object.assign(assignment, { dueOn, assignedBy });
  }

  /** A lesson's assignments at nodes within the scope, newest first, with their nodes. */
  findAssignmentsPage(
    lessonId: number,
    nodePaths: ScopeCondition,
    beforeId: number | null,
    take: number,
  ): Promise<LessonAssignment[]> {
    const query = this.lessons.manager
      .getRepository(LessonAssignment)
      .createQueryBuilder('assignment')
      .innerJoinAndSelect('assignment.orgUnit', 'unit')
      .where('assignment.lessonId = :lessonId', { lessonId })
      .andWhere(nodePaths.where, nodePaths.parameters);
    if (beforeId !== null) query.andWhere('assignment.id < :beforeId', { beforeId });
    return query.orderBy('assignment.id', 'DESC').limit(take).getMany();
  }

  /** Assignments at any of the nodes (a worker's enterprise and the unions above it). */
  findAssignmentsAt(orgUnitIds: number[]): Promise<LessonAssignment[]> {
    if (orgUnitIds.length === 0) return Promise.resolve([]);
    return this.lessons.manager.getRepository(LessonAssignment).findBy({ orgUnitId: In(orgUnitIds) });
  }
}
