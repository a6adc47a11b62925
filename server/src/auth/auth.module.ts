import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrgModule } from '../org/org.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AuthSession } from './auth-session.entity';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { TokenService } from './token-service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AuthSession]),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
      }),
    }),
    UsersModule,
    OrgModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthSessionsRepository, TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
