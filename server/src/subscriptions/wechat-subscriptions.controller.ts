import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ForSelf } from '../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { RecordWechatSubscriptionsDto, WechatSubscriptionsDto } from './wechat-subscriptions.dto';
import { WechatSubscriptionsService } from './wechat-subscriptions.service';

/** The caller's consent to WeChat subscribe messages (one-time grants per template). */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('me/wechat-subscriptions')
export class WechatSubscriptionsController {
  constructor(private readonly subscriptions: WechatSubscriptionsService) {}

  @Get()
  @ForSelf()
  @ApiOkResponse({ type: WechatSubscriptionsDto, description: 'The templates to request, with the grants held' })
  view(@CurrentUser() user: AuthenticatedUser): Promise<WechatSubscriptionsDto> {
    return this.subscriptions.view(user.userId);
  }

  @Post()
  @ForSelf()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: WechatSubscriptionsDto, description: 'Each accept added one grant' })
  @ApiBadRequestResponse({
    description: 'SUBSCRIPTION_TOO_MANY_TEMPLATES, SUBSCRIPTION_TEMPLATE_NOT_CONFIGURED, COMMON_VALIDATION_FAILED',
  })
  record(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecordWechatSubscriptionsDto,
  ): Promise<WechatSubscriptionsDto> {
    return this.subscriptions.record(user.userId, body);
  }
}
