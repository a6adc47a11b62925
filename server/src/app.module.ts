import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { BindingsModule } from './bindings/bindings.module';
import { CheckInsModule } from './check-ins/check-ins.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { GridsModule } from './grids/grids.module';
import { HazardsModule } from './hazards/hazards.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { NoticesModule } from './notices/notices.module';
import { OrgModule } from './org/org.module';
import { ProfileModule } from './profile/profile.module';
import { StorageModule } from './storage/storage.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { TrainingModule } from './training/training.module';
import { UsersModule } from './users/users.module';
import { WechatModule } from './wechat/wechat.module';
import { WorkplacesModule } from './workplaces/workplaces.module';

@Module({})
export class AppModule {
  /** The application on an already connected and migrated data source, logging through `logger`. */
  static forRoot(config: AppConfig, dataSource: DataSource, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Fastify owns the logger and the per-request child (see common/logging.ts); Nest logs through it.
        LoggerModule.forRoot({
          useExisting: true,
          pinoHttp: { logger },
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        WechatModule.forRootAsync({
          useFactory: () => ({
            appId: config.wechat.appId,
            appSecret: config.wechat.appSecret,
            apiBaseUrl: config.wechat.apiBaseUrl,
            timeoutMs: config.wechat.timeoutMs,
            maxRetries: 2,
            retryDelayMs: 200,
            tokenRefreshMarginSeconds: 300,
          }),
        }),
        // JOBS_ENABLED=false switches every scheduled job off at once (tests run them by hand).
        ScheduleModule.forRoot({
          cronJobs: config.jobsEnabled,
          intervals: config.jobsEnabled,
          timeouts: config.jobsEnabled,
        }),
        StorageModule,
        AccessModule,
        HealthModule,
        AuthModule,
        UsersModule,
        ProfileModule,
        OrgModule,
        GridsModule,
        WorkplacesModule,
        BindingsModule,
        InboxModule,
        SubscriptionsModule,
        HazardsModule,
        DeadlinesModule,
        TrainingModule,
        CheckInsModule,
        NoticesModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
