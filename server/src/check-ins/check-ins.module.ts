import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckIn } from './check-in.entity';

/** 班前打卡: the daily health declaration, the cleared-for-shift card and the foreman's roll call. */
@Module({
  imports: [TypeOrmModule.forFeature([CheckIn])],
})
export class CheckInsModule {}
