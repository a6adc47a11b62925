import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkplaceQrCode } from './workplace-qr-code.entity';

/** A workplace's public card (what its QR code opens), its WeChat code and its printable posters. */
@Module({
  imports: [TypeOrmModule.forFeature([WorkplaceQrCode])],
})
export class WorkplacesModule {}
