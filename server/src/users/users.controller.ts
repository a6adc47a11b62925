import { Permission } from '@ankang/shared';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import { UpdateUserDto, UserListQueryDto, UserPageDto, UserSummaryDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UserRead)
  @ApiOperation({ summary: 'People bound to an enterprise or holding a role in the caller’s scope' })
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentScope() scope: Scope, @Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(scope, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UserRead)
  @ApiOkResponse({ type: UserSummaryDto })
  get(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<UserSummaryDto> {
    return this.users.get(scope, Number(params.id));
  }

  @Patch(':id')
  @RequirePermission(Permission.UserUpdate)
  @ApiOperation({ summary: 'People wholly within the caller’s UserUpdate subtree; disabling ends their sessions' })
  @ApiOkResponse({ type: UserSummaryDto })
  update(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: UpdateUserDto,
  ): Promise<UserSummaryDto> {
    return this.users.update(scope, Number(params.id), body);
  }
}
