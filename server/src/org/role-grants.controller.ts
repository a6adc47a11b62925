import { Permission } from '@ankang/shared';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import { CreateRoleGrantDto, RoleGrantDetailDto, RoleGrantListQueryDto, RoleGrantPageDto } from './role-grants.dto';
import { RoleGrantsService } from './role-grants.service';

@ApiTags('org')
@ApiBearerAuth()
@Controller('role-grants')
export class RoleGrantsController {
  constructor(private readonly grants: RoleGrantsService) {}

  @Get()
  @RequirePermission(Permission.GrantManage)
  @ApiOkResponse({ type: RoleGrantPageDto })
  list(@CurrentScope() scope: Scope, @Query() query: RoleGrantListQueryDto): Promise<RoleGrantPageDto> {
    return this.grants.list(scope, query);
  }

  @Post()
  @RequirePermission(Permission.GrantManage)
  @ApiCreatedResponse({ type: RoleGrantDetailDto })
  create(@CurrentScope() scope: Scope, @Body() body: CreateRoleGrantDto): Promise<RoleGrantDetailDto> {
    return this.grants.create(scope, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.GrantManage)
  @ApiNoContentResponse()
  revoke(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<void> {
    return this.grants.revoke(scope, Number(params.id));
  }
}
