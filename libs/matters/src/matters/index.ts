/** Service matters over HTTP: the Nest module, its read model's projection and schema for the app's registries. */
export { MattersModule } from './matters.module';
export { mattersProjection } from './matter-read-model/matters.projection';
export { MattersReadModelV11764200000001 } from './matter-read-model/matters-read-model.migration';
export { MatterCodes1764200000000 } from './matter-codes/matter-codes.migration';
export { matterStreamId } from './matter-stream';
export { matters, readMatter, currentElements } from './matter.aggregate';
export { MatterRegistration } from './register-matter/register-matter';
