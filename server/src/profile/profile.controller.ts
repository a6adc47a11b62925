import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ForSelf } from '../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { BindPhoneDto, MeDto, UpdateMeDto } from './profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@ApiBearerAuth()
@Controller('me')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  @ForSelf()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeDto> {
    return this.profile.getMe(user.userId);
  }

  @Patch()
  @ForSelf()
  @ApiOkResponse({ type: MeDto })
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.profile.updateMe(user.userId, body);
  }

  @Post('phone')
  @ForSelf()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: 'PROFILE_PHONE_CODE_INVALID: ask again with the button' })
  bindPhone(@CurrentUser() user: AuthenticatedUser, @Body() body: BindPhoneDto): Promise<MeDto> {
    return this.profile.bindPhone(user.userId, body.code);
  }
}
