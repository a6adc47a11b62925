import { Permission } from '@ankang/shared';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import { CreateGridDto, GridListQueryDto, GridPageDto, GridSummaryDto, UpdateGridDto } from './grids.dto';
import { GridsService } from './grids.service';

@ApiTags('grids')
@ApiBearerAuth()
@Controller('grids')
export class GridsController {
  constructor(private readonly grids: GridsService) {}

  @Get()
  @RequirePermission(Permission.OrgRead)
  @ApiOkResponse({ type: GridPageDto })
  list(@CurrentScope() scope: Scope, @Query() query: GridListQueryDto): Promise<GridPageDto> {
    return this.grids.list(scope, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrgRead)
  @ApiOkResponse({ type: GridSummaryDto })
  get(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<GridSummaryDto> {
    return this.grids.get(scope, Number(params.id));
  }

  @Post()
  @RequirePermission(Permission.GridManage)
  @ApiCreatedResponse({ type: GridSummaryDto })
  create(@CurrentScope() scope: Scope, @Body() body: CreateGridDto): Promise<GridSummaryDto> {
    return this.grids.create(scope, body);
  }

  @Patch(':id')
  @RequirePermission(Permission.GridManage)
  @ApiOkResponse({ type: GridSummaryDto })
  update(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: UpdateGridDto,
  ): Promise<GridSummaryDto> {
    return this.grids.update(scope, Number(params.id), body);
  }

  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.GridManage)
  @ApiOperation({ summary: 'Archive the grid; its workplaces leave it' })
  @ApiOkResponse({ type: GridSummaryDto })
  archive(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<GridSummaryDto> {
    return this.grids.archive(scope, Number(params.id));
  }
}
