import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { OrgModule } from './org/org.module';
import { UsersModule } from './users/users.module';
import { WechatModule } from './wechat/wechat.module';

@Module({})
export class AppModule {
  /** The application on an already connected and migrated data source. */
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Nest 12 on Fastify only matches `/` with the default pattern.
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            transport: config.logPretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
            // Fastify already assigned the request id (see create-app.ts); pino-http reads it from req.id.
            serializers: {
              req: (request: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
                remoteAddress: request.remoteAddress,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            // Load balancers poll /health every few seconds: logging each poll would drown the real requests.
            autoLogging: {
              ignore: (request) =>
                ((request as { originalUrl?: string }).originalUrl ?? request.url ?? '').startsWith('/api/v1/health'),
            },
          },
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
        HealthModule,
        AuthModule,
        UsersModule,
        OrgModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
