import { AuthErrorCode, CommonErrorCode, ProfileErrorCode } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { EnterpriseBindingsRepository } from '../bindings/enterprise-bindings.repository';
import { AppException } from '../common/app-exception';
import { RoleGrantsRepository } from '../org/role-grants.repository';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { WechatClient } from '../wechat/wechat-client';
import { WechatApiError, WechatErrcode } from '../wechat/wechat-errors';
import { type MeDto, toMeDto, type UpdateMeDto } from './profile.dto';

/** What WeChat's answers to a phone code mean for the person pressing the button. */
const PHONE_CODE_ERRORS = new Map<number, ProfileErrorCode | CommonErrorCode>([
  [WechatErrcode.InvalidCode, ProfileErrorCode.PhoneCodeInvalid],
  [WechatErrcode.RateLimited, CommonErrorCode.RateLimited],
]);

/** The signed-in person's own profile. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly grants: RoleGrantsRepository,
    private readonly bindings: EnterpriseBindingsRepository,
    private readonly wechat: WechatClient,
  ) {}

  async getMe(userId: number): Promise<MeDto> {
    return this.toMe(await this.findOrFail(userId));
  }

  async updateMe(userId: number, changes: UpdateMeDto): Promise<MeDto> {
    const user = await this.findOrFail(userId);
    await this.users.updatePerson(
      user.id,
      { displayName: changes.displayName, employeeNumber: changes.employeeNumber, workerGroups: changes.workerGroups },
      new Date(),
    );
    return this.getMe(user.id);
  }

  /** The number behind the getPhoneNumber button, as WeChat tells it (without the country code). */
  async bindPhone(userId: number, code: string): Promise<MeDto> {
    const user = await this.findOrFail(userId);
    let phone: string;
    try {
      phone = (await this.wechat.getPhoneNumber(code)).purePhoneNumber;
    } catch (error) {
      const mapped = error instanceof WechatApiError ? PHONE_CODE_ERRORS.get(error.errcode) : undefined;
      if (mapped) throw new AppException(mapped);
      throw error;
    }
    await this.users.setPhone(user.id, phone);
    return this.getMe(user.id);
  }

  private async toMe(user: User): Promise<MeDto> {
    const [grants, latestBinding] = await Promise.all([
      this.grants.findByUserWithOrgUnit(user.id),
      this.bindings.findLatestByUser(user.id),
    ]);
    return toMeDto(user, grants, latestBinding);
  }

  /** A token can outlive its user's account: a vanished or disabled user is asked to log in again. */
  private async findOrFail(userId: number): Promise<User> {
    const user = await this.users.findByIdWithProfile(userId);
    if (!user) throw new AppException(AuthErrorCode.Unauthenticated);
    if (user.disabledAt) throw new AppException(AuthErrorCode.UserDisabled);
    return user;
  }
}
