import { AuthErrorCode } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { RoleGrantsRepository } from '../org/role-grants.repository';
import { User } from './user.entity';
import { MeDto, toMeDto } from './users.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
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
