import { Body, Controller, Delete, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ForSelf } from '../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { EnterpriseBindingSummaryDto, RequestBindingDto } from './bindings.dto';
import { BindingsService } from './bindings.service';

/** The worker's own 「我在这里工作」 request. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('me/enterprise-binding')
export class MyEnterpriseBindingController {
  constructor(private readonly bindings: BindingsService) {}

  @Post()
  @ForSelf()
  @ApiCreatedResponse({ type: EnterpriseBindingSummaryDto, description: 'A new request (approved at once or pending)' })
  @ApiOkResponse({ type: EnterpriseBindingSummaryDto, description: 'The same client key again: the first request' })
  @ApiNotFoundResponse({ description: 'ORG_WORKPLACE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORG_WORKPLACE_ARCHIVED, ORG_BINDING_ALREADY_BOUND' })
  async request(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RequestBindingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnterpriseBindingSummaryDto> {
    const outcome = await this.bindings.request(user.userId, body);
    reply.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome.binding;
  }

  @Delete('pending')
  @ForSelf()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The pending request is withdrawn' })
  @ApiConflictResponse({ description: 'ORG_BINDING_NOT_PENDING: nothing pending (decided or withdrawn already)' })
  withdraw(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.bindings.withdrawPending(user.userId);
  }
}
