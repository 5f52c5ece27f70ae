import { type DynamicModule, Module } from '@nestjs/common';
import { ChangeMatterController } from './change-matter/change-matter.http.controller';
import { MatterCodeRegistry } from './matter-codes/matter-code-registry';
import { MatterHistoryController } from './matter-history/matter-history.http.controller';
import { MattersController } from './matter-read-model/matters.http.controller';
import { RegisterMatterController } from './register-matter/register-matter.http.controller';
import { MatterRegistration } from './register-matter/register-matter';

/**
 * Service matters (事项) over HTTP: register and change them through the app's CommandExecutor, read them
 * with query functions over `SQL_CLIENT` from the `matters` read model and, for the history, from
 * the event store. Needs the app's EVENT_STORE, SQL_CLIENT and CommandExecutor.
 */
@Module({})
export class MattersModule {
  static forRoot(): DynamicModule {
    return {
      module: MattersModule,
      controllers: [RegisterMatterController, ChangeMatterController, MattersController, MatterHistoryController],
      providers: [MatterCodeRegistry, MatterRegistration],
    };
  }
}
