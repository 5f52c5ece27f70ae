import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CommandExecutor, EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_SQL, SQL_CLIENT } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { openStorage, type Storage } from './open-storage';

export const STORAGE = Symbol('STORAGE');

@Global()
@Module({
  providers: [
    { provide: STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => openStorage(config) },
    { provide: SQL_CLIENT, inject: [STORAGE], useFactory: (storage: Storage) => storage.sql },
    { provide: READ_SQL, inject: [STORAGE], useFactory: (storage: Storage) => storage.reads },
    { provide: EVENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.store },
    { provide: CommandExecutor, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandExecutor(store) },
  ],
  exports: [SQL_CLIENT, READ_SQL, EVENT_STORE, CommandExecutor],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
