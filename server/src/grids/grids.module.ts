import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { UsersModule } from '../users/users.module';
import { Grid } from './grid.entity';
import { GridsController } from './grids.controller';
import { GridsRepository } from './grids.repository';
import { GridsService } from './grids.service';

/** 网格: groups of workplaces under a union node, each with a grid officer. */
@Module({
  imports: [TypeOrmModule.forFeature([Grid]), OrgModule, UsersModule],
  controllers: [GridsController],
  providers: [GridsRepository, GridsService],
  exports: [GridsRepository],
})
export class GridsModule {}
