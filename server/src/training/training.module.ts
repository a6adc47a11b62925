import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckIn } from '../check-ins/check-in.entity';
import { InboxModule } from '../inbox/inbox.module';
import { OrgModule } from '../org/org.module';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { CheckInClearanceRepository } from './check-in-clearance.repository';
import { Lesson } from './lesson.entity';
import { LessonAssignment } from './lesson-assignment.entity';
import { LessonAssignmentNotices } from './lesson-assignment-notices';
import { LessonAttempt } from './lesson-attempt.entity';
import { LessonAttemptsController } from './lesson-attempts.controller';
import { LessonAttemptsRepository } from './lesson-attempts.repository';
import { LessonAttemptsService } from './lesson-attempts.service';
import { LessonImage } from './lesson-image.entity';
import { LessonImagesController } from './lesson-images.controller';
import { LessonImagesRepository } from './lesson-images.repository';
import { LessonImagesService } from './lesson-images.service';
import { LessonVersion } from './lesson-version.entity';
import { LessonsController } from './lessons.controller';
import { LessonsRepository } from './lessons.repository';
import { LessonsService } from './lessons.service';
import { WorkerLessonsService } from './worker-lessons.service';

/**
 * 岗前培训: micro-lessons with their versions, images and assignments; which lessons each worker
 * gets and today's lesson (WorkerLessonsService, for the check-in); the quizzes workers take.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Lesson, LessonVersion, LessonAssignment, LessonAttempt, LessonImage, CheckIn, User]),
    InboxModule,
    OrgModule,
    UsersModule,
  ],
  controllers: [LessonsController, LessonImagesController, LessonAttemptsController],
  providers: [
    LessonsRepository,
    LessonsService,
    LessonImagesRepository,
    LessonImagesService,
    LessonAssignmentNotices,
    LessonAttemptsRepository,
    LessonAttemptsService,
    WorkerLessonsService,
    CheckInClearanceRepository,
  ],
  exports: [WorkerLessonsService],
})
export class TrainingModule {}
