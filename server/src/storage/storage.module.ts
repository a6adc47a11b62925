import { Global, Module } from '@nestjs/common';

/** Files kept outside the database (QR code images now, hazard photos next), behind one interface. */
@Global()
@Module({})
export class StorageModule {}
