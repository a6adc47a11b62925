import { Permission } from '@ankang/shared';
import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import { toDownload } from './download';
import { WorkplacesService } from './workplaces.service';

/** 批量下载二维码海报: every workplace of an enterprise on one printable page. */
@ApiTags('workplaces')
@ApiBearerAuth()
@Controller('org-units')
export class QrCodePostersController {
  constructor(private readonly workplaces: WorkplacesService) {}

  @Get(':id/qrcode-posters')
  @RequirePermission(Permission.QrCodeDownload)
  @Header('Cache-Control', 'private, no-cache')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'One HTML document, one A4 poster per printed page' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such enterprise in your scope' })
  async posters(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<StreamableFile> {
    return toDownload(await this.workplaces.enterprisePosters(scope, Number(params.id)));
  }
}
