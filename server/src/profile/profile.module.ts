import { Module } from '@nestjs/common';

/** The signed-in person's own profile: /me, phone number, worker groups. */
@Module({})
export class ProfileModule {}
