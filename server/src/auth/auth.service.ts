import { randomUUID } from 'node:crypto';
import { AuthErrorCode } from '@ankang/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { toRoleGrantSummary } from '../org/role-grants.dto';
import { RoleGrantsRepository } from '../org/role-grants.repository';
import { DEMO_USERNAMES, DEMO_USERS } from '../seed/demo-province';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { WechatClient } from '../wechat/wechat-client';
import { WechatApiError, WechatErrcode } from '../wechat/wechat-errors';
import type { DemoUserDto, TokenPairDto } from './auth.dto';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { TokenService } from './token-service';

/**
 * A refresh token presented again shortly after it was rotated is most likely the phone retrying
 * a request whose answer was lost on a weak network, not a stolen copy: it gets a fresh pair.
 */
const ROTATION_GRACE_MILLISECONDS = 60_000;

/** WeChat's answers to a bad login code, in our own terms. */
const WECHAT_LOGIN_ERRORS: ReadonlyMap<number, AuthErrorCode> = new Map([
  [WechatErrcode.InvalidCode, AuthErrorCode.WechatCodeInvalid],
  [WechatErrcode.CodeAlreadyUsed, AuthErrorCode.WechatCodeUsed],
  [WechatErrcode.RateLimited, AuthErrorCode.WechatLoginRateLimited],
  [WechatErrcode.HighRiskUser, AuthErrorCode.WechatUserHighRisk],
]);

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly users: UsersRepository,
    private readonly grants: RoleGrantsRepository,
    private readonly sessions: AuthSessionsRepository,
    private readonly tokens: TokenService,
  ) {}

  async loginWithWechat(code: string): Promise<TokenPairDto> {
    const session = await this.code2Session(code);
    const { user, created } = await this.users.findOrCreateByOpenId(session.openId, session.unionId ?? null);
    this.assertActive(user);
    if (created) this.logger.log(`New user ${user.id} registered through WeChat`);
    return this.issueTokens(user.id, randomUUID(), created);
  }

  async loginAsDemoUser(username: string): Promise<TokenPairDto> {
    this.assertDevLoginEnabled();
    const user = DEMO_USERNAMES.includes(username) ? await this.users.findByUsername(username) : null;
    if (!user) throw new AppException(AuthErrorCode.DevLoginUserNotFound);
    this.assertActive(user);
    return this.issueTokens(user.id, randomUUID(), false);
  }

  async listDemoUsers(): Promise<DemoUserDto[]> {
    this.assertDevLoginEnabled();
    const users = await this.users.findByUsernames([...DEMO_USERNAMES]);
    const grants = await this.grants.findByUsersWithOrgUnit(users.map((user) => user.id));
    const usersByName = new Map(users.map((user) => [user.username, user]));
    return DEMO_USERS.flatMap((demo) => {
      const user = usersByName.get(demo.username);
      if (!user) return [];
      return [
        {
          username: demo.username,
          displayName: user.displayName,
          description: demo.description,
          roles: grants.filter((grant) => grant.userId === user.id).map(toRoleGrantSummary),
        },
      ];
    });
  }

  /** Rotates the refresh token: the old one is spent, a new pair is issued in the same family. */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const verified = this.tokens.verifyRefreshToken(refreshToken);
    if (!verified.ok) throw new AppException(AuthErrorCode.RefreshTokenInvalid);
    const { claims } = verified;
    const session = await this.sessions.findById(claims.jti);
    const now = new Date();
    if (!session || session.revokedAt || session.expiresAt <= now || String(session.userId) !== claims.sub) {
      throw new AppException(AuthErrorCode.RefreshTokenInvalid);
    }
    const rotatedNow = !session.rotatedAt && (await this.sessions.markRotated(session.id, now));
    if (!rotatedNow) {
      const rotatedAt = session.rotatedAt ?? now;
      if (now.getTime() - rotatedAt.getTime() > ROTATION_GRACE_MILLISECONDS) {
        this.logger.warn(`Refresh token reuse detected for user ${session.userId}: revoking its session family`);
        await this.sessions.revokeFamily(session.familyId, now);
        throw new AppException(AuthErrorCode.RefreshTokenInvalid);
      }
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.disabledAt) {
      await this.sessions.revokeFamily(session.familyId, now);
      throw new AppException(user ? AuthErrorCode.UserDisabled : AuthErrorCode.RefreshTokenInvalid);
    }
    return this.issueTokens(user.id, session.familyId, false);
  }

  /** Ends the session family of this refresh token. Idempotent: an unknown or spent token is fine. */
  async logout(refreshToken: string): Promise<void> {
    const verified = this.tokens.verifyRefreshToken(refreshToken);
    if (!verified.ok) return;
    await this.sessions.revokeFamily(verified.claims.fam, new Date());
  }

  private async code2Session(code: string) {
    try {
      return await this.wechat.code2Session(code);
    } catch (error) {
      const mapped = error instanceof WechatApiError ? WECHAT_LOGIN_ERRORS.get(error.errcode) : undefined;
      if (mapped) throw new AppException(mapped);
      throw error;
    }
  }

  private async issueTokens(userId: number, familyId: string, isNewUser: boolean): Promise<TokenPairDto> {
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.tokens.refreshTokenTtlSeconds * 1000);
    await this.sessions.insertSession({ id: sessionId, familyId, userId, expiresAt });
    return {
      accessToken: this.tokens.signAccessToken(userId),
      accessTokenExpiresIn: this.tokens.accessTokenTtlSeconds,
      refreshToken: this.tokens.signRefreshToken(userId, sessionId, familyId),
      refreshTokenExpiresIn: this.tokens.refreshTokenTtlSeconds,
      tokenType: 'Bearer',
      isNewUser,
    };
  }

  private assertActive(user: User): void {
    if (user.disabledAt) throw new AppException(AuthErrorCode.UserDisabled);
  }

  private assertDevLoginEnabled(): void {
    if (!this.config.devLoginEnabled) throw new AppException(AuthErrorCode.DevLoginDisabled);
  }
}
