import {
  CommonErrorCode,
  chinaDateOf,
  type FieldError,
  type LessonContent,
  LessonStatus,
  OrgErrorCode,
  OrgKind,
  Permission,
  Role,
  TrainingErrorCode,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { decodeCursor, type PageQueryDto, pageLimit, toPage } from '../common/pagination';
import type { OrgUnit } from '../org/org-unit.entity';
import { OrgUnitsRepository } from '../org/org-units.repository';
import type { Lesson } from './lesson.entity';
import type { LessonAssignment } from './lesson-assignment.entity';
import { LessonAssignmentNotices } from './lesson-assignment-notices';
import { lessonContentProblems, normalizedLessonContent, onlyQuestionProblems } from './lesson-content';
import { LessonImagesService } from './lesson-images.service';
import type { LessonVersion } from './lesson-version.entity';
import {
  type AssignLessonDto,
  type CreateLessonDto,
  contentOf,
  type LessonAssignmentDto,
  type LessonAssignmentPageDto,
  type LessonDetailDto,
  type LessonListQueryDto,
  type LessonPageDto,
  toLessonAssignment,
  toLessonDetail,
  toLessonSummary,
  type UpdateLessonDto,
} from './lessons.dto';
import { LessonsRepository } from './lessons.repository';

export interface AssignmentOutcome {
  assignment: LessonAssignmentDto;
  /** False when the lesson was already assigned to the node: its due date was changed instead. */
  created: boolean;
}

/** A lesson with its owner node, as access is decided on it. */
interface EditableLesson {
  lesson: Lesson;
  owner: OrgUnit;
}

/**
 * 岗前培训 authoring: union staff write lessons for unions of their subtree, officers for their own
 * enterprise. Editors read every lesson owned within their LessonManage scope; anything else is
 * answered as not found. A draft changes in place; a published lesson changes by a new version, so a
 * completion keeps the version it was taken on.
 */
@Injectable()
export class LessonsService {
  constructor(
    private readonly lessons: LessonsRepository,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly images: LessonImagesService,
    private readonly notices: LessonAssignmentNotices,
  ) {}

  async create(scope: Scope, body: CreateLessonDto): Promise<LessonDetailDto> {
    const owner = await this.orgUnits.findById(Number(body.ownerOrgUnitId));
    if (!owner || !mayOwnAt(scope, owner)) throw new AppException(TrainingErrorCode.OwnerNotAllowed);
    if (owner.archivedAt) throw new AppException(OrgErrorCode.NodeArchived);
    const content = await this.checkedContent(body);
    const now = new Date();
    const lessonId = await this.lessons.transaction((manager) =>
      this.lessons.insertDraft(manager, { ownerOrgUnitId: owner.id, createdBy: scope.userId, content }, now),
    );
    return this.detail(lessonId);
  }

  async list(scope: Scope, query: LessonListQueryDto): Promise<LessonPageDto> {
    if (query.ownerOrgUnitId !== undefined) {
      const owner = await this.orgUnits.findById(Number(query.ownerOrgUnitId));
      if (!owner || !scope.can(Permission.LessonManage, owner.path)) throw new AppException(CommonErrorCode.NotFound);
    }
    const limit = pageLimit(query);
    const rows = await this.lessons.findPage({
      ownerPaths: scope.pathCondition(Permission.LessonManage, 'owner.path'),
      status: query.status,
      ownerOrgUnitId: query.ownerOrgUnitId === undefined ? undefined : Number(query.ownerOrgUnitId),
      topic: query.topic,
      q: query.q || undefined,
      beforeId: query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]),
      take: limit + 1,
    });
    const page = toPage(
      rows,
      limit,
      (lesson) => [lesson.id],
      (lesson) => lesson,
    );
    const versions = await this.lessons.findCurrentVersions(page.items.map((lesson) => lesson.id));
    return {
      items: page.items.map((lesson) => toLessonSummary(lesson, versionOf(versions, lesson), ownerOf(lesson))),
      nextCursor: page.nextCursor,
    };
  }

  async get(scope: Scope, id: number): Promise<LessonDetailDto> {
    const { lesson, owner } = await this.findReadableOrFail(scope, id);
    return toLessonDetail(lesson, await this.currentVersionOf(lesson), owner);
  }

  /**
   * A draft is rewritten in place. A published lesson gets a new version, published at once, unless
   * the content is what the current version already says (a second tap on 保存 makes no version).
   */
  async update(scope: Scope, id: number, body: UpdateLessonDto): Promise<LessonDetailDto> {
    await this.findEditableOrFail(scope, id);
    const content = await this.checkedContent(body);
    const now = new Date();
    await this.lessons.transaction(async (manager) => {
      const lesson = await this.lockOrFail(manager, id);
      if (lesson.status === LessonStatus.Archived) throw new AppException(TrainingErrorCode.LessonArchived);
      if (lesson.status === LessonStatus.Draft) {
        await this.lessons.updateDraftVersion(manager, lesson, content);
        await this.lessons.touch(manager, lesson.id, now);
        return;
      }
      const current = await this.lessons.findVersion(lesson.id, lesson.currentVersion, manager);
      if (current && sameContent(contentOf(current), content)) return;
      const version = lesson.currentVersion + 1;
      await this.lessons.insertVersion(
        manager,
        { lessonId: lesson.id, version, content, publishedAt: now },
        scope.userId,
        now,
      );
      await this.lessons.setCurrentVersion(manager, lesson.id, version, now);
    });
    return this.detail(id);
  }

  /** Publishing a published lesson changes nothing; an archived one stays archived. */
  async publish(scope: Scope, id: number): Promise<LessonDetailDto> {
    await this.findEditableOrFail(scope, id);
    await this.lessons.transaction(async (manager) => {
      const lesson = await this.lockOrFail(manager, id);
      if (lesson.status === LessonStatus.Archived) throw new AppException(TrainingErrorCode.LessonArchived);
      if (lesson.status === LessonStatus.Draft) await this.lessons.markPublished(manager, lesson, new Date());
    });
    return this.detail(id);
  }

  /** Workers no longer get it; their completions stay. Archiving twice changes nothing. */
  async archive(scope: Scope, id: number): Promise<LessonDetailDto> {
    await this.findEditableOrFail(scope, id);
    await this.lessons.transaction(async (manager) => {
      const lesson = await this.lockOrFail(manager, id);
      if (lesson.status !== LessonStatus.Archived) await this.lessons.markArchived(manager, lesson.id, new Date());
    });
    return this.detail(id);
  }

  /**
   * Makes a published lesson required of every worker under a node of the caller's scope that the
   * lesson reaches, by a date; assigning it to the same node again moves the date. The node's
   * workers are told in their inbox.
   */
  async assign(scope: Scope, id: number, body: AssignLessonDto): Promise<AssignmentOutcome> {
    const { lesson, owner } = await this.findAssignableOrFail(scope, id);
    const node = await this.orgUnits.findById(Number(body.orgUnitId));
    if (
      !node ||
      node.archivedAt ||
      node.kind === OrgKind.Workplace ||
      !scope.can(Permission.LessonManage, node.path) ||
      !node.path.startsWith(owner.path)
    ) {
      throw new AppException(CommonErrorCode.ValidationFailed, [
        { field: 'orgUnitId', message: '只能指派给您管辖范围内、且在课程所属单位之下的工会或企业' },
      ]);
    }
    if (body.dueOn < chinaDateOf(new Date())) throw new AppException(TrainingErrorCode.DueDateInPast);

    const now = new Date();
    const { assignment, created } = await this.lessons.transaction(async (manager) => {
      const locked = await this.lockOrFail(manager, lesson.id);
      if (locked.status === LessonStatus.Archived) throw new AppException(TrainingErrorCode.LessonArchived);
      if (locked.status !== LessonStatus.Published) throw new AppException(TrainingErrorCode.LessonNotPublished);
      const existing = await this.lessons.findAssignment(manager, lesson.id, node.id);
      if (existing) {
        return {
          assignment: await this.lessons.updateAssignmentDueOn(manager, existing, body.dueOn, scope.userId),
          created: false,
        };
      }
      const inserted = await this.lessons.insertAssignment(
        manager,
        { lessonId: lesson.id, orgUnitId: node.id, dueOn: body.dueOn, assignedBy: scope.userId },
        now,
      );
      return { assignment: inserted, created: true };
    });
    const version = await this.currentVersionOf(lesson);
    await this.notices.tellWorkers(assignment, node, version.title);
    return { assignment: toLessonAssignment(assignment, node), created };
  }

  /** The lesson's assignments at nodes of the caller's scope, newest first. */
  async assignments(scope: Scope, id: number, query: PageQueryDto): Promise<LessonAssignmentPageDto> {
    await this.findAssignableOrFail(scope, id);
    const limit = pageLimit(query);
    const rows = await this.lessons.findAssignmentsPage(
      id,
      scope.pathCondition(Permission.LessonManage, 'unit.path'),
      query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]),
      limit + 1,
    );
    return toPage(
      rows,
      limit,
      (row) => [row.id],
      (row) => toLessonAssignment(row, nodeOf(row)),
    );
  }

  /** The content as it will be stored, or the coded refusal naming every offending field. */
  private async checkedContent(content: LessonContent): Promise<LessonContent> {
    const problems: FieldError[] = lessonContentProblems(content);
    if (problems.length === 0) {
      const missing = new Set(await this.images.missingIds(content.imageIds));
      content.imageIds.forEach((imageId, index) => {
        if (missing.has(imageId)) problems.push({ field: `imageIds[${index}]`, message: '图片不存在，请重新上传' });
      });
    }
    if (problems.length > 0) {
      throw new AppException(
        onlyQuestionProblems(problems) ? TrainingErrorCode.QuestionInvalid : CommonErrorCode.ValidationFailed,
        problems,
      );
    }
    return normalizedLessonContent(content);
  }

  private async detail(id: number): Promise<LessonDetailDto> {
    const lesson = await this.lessons.findByIdWithOwner(id);
    if (!lesson) throw new Error(`Lesson ${id} vanished while it was being written`);
    return toLessonDetail(lesson, await this.currentVersionOf(lesson), ownerOf(lesson));
  }

  private async currentVersionOf(lesson: Lesson): Promise<LessonVersion> {
    const version = await this.lessons.findVersion(lesson.id, lesson.currentVersion);
    if (!version) throw new Error(`Lesson ${lesson.id} has no version ${lesson.currentVersion}`);
    return version;
  }

  /** Owned within the caller's LessonManage scope; out of scope is answered like "does not exist". */
  private async findReadableOrFail(scope: Scope, id: number): Promise<EditableLesson> {
    const lesson = await this.lessons.findByIdWithOwner(id);
    if (!lesson?.owner || !scope.can(Permission.LessonManage, lesson.owner.path)) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    return { lesson, owner: lesson.owner };
  }

  /** Readable, and owned where the caller could have written it (see mayOwnAt). */
  private async findEditableOrFail(scope: Scope, id: number): Promise<EditableLesson> {
    const found = await this.findReadableOrFail(scope, id);
    if (!mayOwnAt(scope, found.owner)) throw new AppException(TrainingErrorCode.OwnerNotAllowed);
    return found;
  }

  /**
   * A lesson the caller may assign: one of their own scope, or a lesson published by a union above
   * them (an officer makes the county's lesson required of their enterprise). Drafts above stay unseen.
   */
  private async findAssignableOrFail(scope: Scope, id: number): Promise<EditableLesson> {
    const lesson = await this.lessons.findByIdWithOwner(id);
    const owner = lesson?.owner;
    const reachable =
      owner !== undefined &&
      (scope.can(Permission.LessonManage, owner.path) ||
        (lesson?.status !== LessonStatus.Draft &&
          scope.grantsFor(Permission.LessonManage).some((grant) => grant.path.startsWith(owner.path))));
    if (!lesson || !owner || !reachable) throw new AppException(CommonErrorCode.NotFound);
    return { lesson, owner };
  }

  private async lockOrFail(manager: EntityManager, id: number): Promise<Lesson> {
    const lesson = await this.lessons.lockById(manager, id);
    if (!lesson) throw new AppException(CommonErrorCode.NotFound);
    return lesson;
  }
}

/**
 * Where the caller may own (write) a lesson: union staff at a union node of their subtree, officers
 * at their own enterprise. A union's staff read the enterprises' lessons below them but leave their
 * writing to the enterprise.
 */
export function mayOwnAt(scope: Scope, unit: OrgUnit): boolean {
  return scope.grantsFor(Permission.LessonManage).some((grant) => {
    if (grant.role === Role.UnionStaff) return unit.kind === OrgKind.Union && unit.path.startsWith(grant.path);
    if (grant.role === Role.Officer) return unit.kind === OrgKind.Enterprise && unit.id === grant.orgUnitId;
    return false;
  });
}

function sameContent(left: LessonContent, right: LessonContent): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function ownerOf(lesson: Lesson): OrgUnit {
  if (!lesson.owner) throw new Error(`Lesson ${lesson.id} was loaded without its owner`);
  return lesson.owner;
}

function nodeOf(assignment: LessonAssignment): OrgUnit {
  if (!assignment.orgUnit) throw new Error(`Assignment ${assignment.id} was loaded without its node`);
  return assignment.orgUnit;
}

function versionOf(versions: Map<number, LessonVersion>, lesson: Lesson): LessonVersion {
  const version = versions.get(lesson.id);
  if (!version) throw new Error(`Lesson ${lesson.id} has no version ${lesson.currentVersion}`);
  return version;
}
