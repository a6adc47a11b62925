import { Permission } from '@ankang/shared';
import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { Public } from '../auth/public.decorator';
import { RecordIdParams } from '../common/record-id';
import { toDownload } from './download';
import { QrCodeQueryDto, WorkplaceCardDto } from './workplaces.dto';
import { WorkplacesService } from './workplaces.service';

@ApiTags('workplaces')
@Controller('workplaces')
export class WorkplacesController {
  constructor(private readonly workplaces: WorkplacesService) {}

  @Get('by-code/:code')
  @Public()
  @ApiOkResponse({ type: WorkplaceCardDto, description: 'What the entrance QR code opens; no login needed' })
  @ApiNotFoundResponse({ description: 'ORG_WORKPLACE_NOT_FOUND: unknown, malformed or archived code' })
  card(@Param('code') code: string): Promise<WorkplaceCardDto> {
    return this.workplaces.cardByCode(code);
  }

  @Get(':id/qrcode')
  @RequirePermission(Permission.QrCodeDownload)
  @ApiBearerAuth()
  @Header('Cache-Control', 'private, no-cache')
  @ApiProduces('image/jpeg', 'image/png', 'image/svg+xml')
  @ApiOkResponse({ description: 'The WeChat mini program code, or the printable SVG poster' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such workplace in your scope' })
  @ApiConflictResponse({ description: 'ORG_WORKPLACE_ARCHIVED' })
  @ApiBadGatewayResponse({ description: 'WECHAT_QR_CODE_REJECTED: WeChat refused our scene or page' })
  async qrCode(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Query() query: QrCodeQueryDto,
  ): Promise<StreamableFile> {
    return toDownload(await this.workplaces.qrCode(scope, Number(params.id), query.format ?? 'image'));
  }
}
