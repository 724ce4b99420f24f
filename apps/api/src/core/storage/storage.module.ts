import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { S3Storage } from './s3.storage.js';
import { OBJECT_STORAGE, type ObjectStorage } from './storage.types.js';

/** The one object storage of the process: S3 when S3_BUCKET is set, else the local disk under DATA_DIR. */
export function createObjectStorage(config: Pick<AppConfig, 'dataDir' | 's3'>): ObjectStorage {
  return config.s3 ? new S3Storage(config.s3) : new LocalDiskStorage(config.dataDir);
}

@Global()
@Module({
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const storage = createObjectStorage(config);
        new Logger('Storage').log(storage.driver === 's3' ? `Uploads go to S3 bucket ${config.s3!.bucket}${config.s3!.endpoint ? ` at ${config.s3!.endpoint}` : ''}` : `Uploads go to the local disk under ${config.dataDir}`);
        return storage;
      },
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.destroy();
  }
}
