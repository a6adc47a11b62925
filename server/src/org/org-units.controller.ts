import { Permission } from '@ankang/shared';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import {
  CreateOrgUnitDto,
  MoveOrgUnitDto,
  OrgUnitDetailDto,
  OrgUnitListQueryDto,
  OrgUnitPageDto,
  UpdateOrgUnitDto,
} from './org-units.dto';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get()
  @RequirePermission(Permission.OrgRead)
  @ApiOperation({
    summary: 'Without parentId/withinId: the caller’s scope roots; parentId: children; withinId: every descendant',
  })
  @ApiOkResponse({ type: OrgUnitPageDto })
  list(@CurrentScope() scope: Scope, @Query() query: OrgUnitListQueryDto): Promise<OrgUnitPageDto> {
    return this.units.list(scope, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrgRead)
  @ApiOkResponse({ type: OrgUnitDetailDto })
  get(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<OrgUnitDetailDto> {
    return this.units.get(scope, Number(params.id));
  }

  // Creating needs OrgStructure, or WorkplaceManage for a workplace: the service checks which at the
  // parent. Everyone who holds either may read the tree, so the guard asks for that much.
  @Post()
  @RequirePermission(Permission.OrgRead)
  @ApiOperation({ summary: 'OrgStructure under the parent, or WorkplaceManage for a workplace under an enterprise' })
  @ApiCreatedResponse({ type: OrgUnitDetailDto })
  create(@CurrentScope() scope: Scope, @Body() body: CreateOrgUnitDto): Promise<OrgUnitDetailDto> {
    return this.units.create(scope, body);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrgUpdate)
  @ApiOkResponse({ type: OrgUnitDetailDto })
  update(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: UpdateOrgUnitDto,
  ): Promise<OrgUnitDetailDto> {
    return this.units.update(scope, Number(params.id), body);
  }

  @Post(':id/move')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.OrgStructure)
  @ApiOperation({ summary: 'Hang the node and its subtree under another parent' })
  @ApiOkResponse({ type: OrgUnitDetailDto })
  move(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: MoveOrgUnitDto,
  ): Promise<OrgUnitDetailDto> {
    return this.units.move(scope, Number(params.id), body);
  }

  // OrgStructure, or WorkplaceManage for a workplace: checked by the service on the node.
  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.OrgRead)
  @ApiOperation({ summary: 'OrgStructure over the node, or WorkplaceManage for a workplace; children first' })
  @ApiOkResponse({ type: OrgUnitDetailDto })
  archive(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<OrgUnitDetailDto> {
    return this.units.archive(scope, Number(params.id));
  }
}
