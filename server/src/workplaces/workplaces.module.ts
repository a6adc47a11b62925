import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { OrgUnit } from '../org/org-unit.entity';
import { MiniProgramCodes } from './mini-program-codes';
import { QrCodePostersController } from './qrcode-posters.controller';
import { WorkplaceQrCode } from './workplace-qr-code.entity';
import { WorkplaceQrCodesRepository } from './workplace-qr-codes.repository';
import { WorkplacesController } from './workplaces.controller';
import { WorkplacesRepository } from './workplaces.repository';
import { WorkplacesService } from './workplaces.service';

/** A workplace's public card (what its QR code opens), its WeChat code and its printable posters. */
@Module({
  imports: [TypeOrmModule.forFeature([WorkplaceQrCode, OrgUnit]), OrgModule],
  controllers: [WorkplacesController, QrCodePostersController],
  providers: [WorkplacesService, WorkplacesRepository, WorkplaceQrCodesRepository, MiniProgramCodes],
})
export class WorkplacesModule {}
