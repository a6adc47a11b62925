import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Lesson } from './lesson.entity';
import { LessonAssignment } from './lesson-assignment.entity';
import { LessonAttempt } from './lesson-attempt.entity';
import { LessonVersion } from './lesson-version.entity';

/** 岗前培训: micro-lessons, their versions and assignments, and the quizzes workers take. */
@Module({
  imports: [TypeOrmModule.forFeature([Lesson, LessonVersion, LessonAssignment, LessonAttempt])],
})
export class TrainingModule {}
