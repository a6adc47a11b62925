import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

/**
 * Files kept outside the database (QR code images now, hazard photos next), behind one interface:
 * inject `@Inject(FILE_STORAGE) storage: FileStorage`. The folder is never served statically.
 */
@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => new LocalDiskStorage(config.storageDirectory),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
