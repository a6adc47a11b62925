import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbandonedPhotosJob } from './abandoned-photos.job';
import { HazardPhoto } from './hazard-photo.entity';
import { HazardPhotosController } from './hazard-photos.controller';
import { HazardPhotosRepository } from './hazard-photos.repository';
import { HazardPhotosService } from './hazard-photos.service';

/**
 * Hazard photos: upload (checked by their bytes, re-encoded without metadata, with a thumbnail),
 * storage, the uploader's preview, and HazardPhotosService for the hazards module, which attaches
 * photos to tickets and serves them under the ticket's access rules.
 */
@Module({
  imports: [TypeOrmModule.forFeature([HazardPhoto])],
  controllers: [HazardPhotosController],
  providers: [HazardPhotosRepository, HazardPhotosService, AbandonedPhotosJob],
  exports: [HazardPhotosService],
})
export class HazardPhotosModule {}
