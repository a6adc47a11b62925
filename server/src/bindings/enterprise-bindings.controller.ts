import { Permission } from '@ankang/shared';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import { BindingListQueryDto, EnterpriseBindingDto, EnterpriseBindingPageDto, RejectBindingDto } from './bindings.dto';
import { BindingsService } from './bindings.service';

/** 绑定审核: officers decide the 「我在这里工作」 requests of the enterprises in their scope. */
@ApiTags('enterprise-bindings')
@ApiBearerAuth()
@Controller('enterprise-bindings')
export class EnterpriseBindingsController {
  constructor(private readonly bindings: BindingsService) {}

  @Get()
  @RequirePermission(Permission.BindingDecide)
  @ApiOkResponse({ type: EnterpriseBindingPageDto, description: 'Pending requests by default, oldest first' })
  list(@CurrentScope() scope: Scope, @Query() query: BindingListQueryDto): Promise<EnterpriseBindingPageDto> {
    return this.bindings.list(scope, query);
  }

  @Post(':id/approve')
  @RequirePermission(Permission.BindingDecide)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EnterpriseBindingDto })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such request in your scope' })
  @ApiConflictResponse({ description: 'ORG_BINDING_NOT_PENDING' })
  approve(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<EnterpriseBindingDto> {
    return this.bindings.approve(scope, Number(params.id));
  }

  @Post(':id/reject')
  @RequirePermission(Permission.BindingDecide)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EnterpriseBindingDto })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such request in your scope' })
  @ApiConflictResponse({ description: 'ORG_BINDING_NOT_PENDING' })
  reject(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: RejectBindingDto,
  ): Promise<EnterpriseBindingDto> {
    return this.bindings.reject(scope, Number(params.id), body.reason);
  }
}
