import { AuthErrorCode } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { RoleGrantsRepository } from '../org/role-grants.repository';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { MeDto, toMeDto } from './profile.dto';

@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly grants: RoleGrantsRepository,
  ) {}

  async getMe(userId: number): Promise<MeDto> {
    const user = await this.findOrFail(userId);
    return toMeDto(user, await this.grants.findByUserWithOrgUnit(user.id));
  }

  /** A token can outlive its user's account: a vanished or disabled user is asked to log in again. */
  private async findOrFail(userId: number): Promise<User> {
    const user = await this.users.findByIdWithEnterprise(userId);
    if (!user) throw new AppException(AuthErrorCode.Unauthenticated);
    if (user.disabledAt) throw new AppException(AuthErrorCode.UserDisabled);
    return user;
  }
}
