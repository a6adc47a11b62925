import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Grid } from './grid.entity';

/** 网格: groups of workplaces under a union node, each with a grid officer. */
@Module({
  imports: [TypeOrmModule.forFeature([Grid])],
})
export class GridsModule {}
