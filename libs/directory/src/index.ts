/** libs/directory's public surface: regions (行政区划) and departments with their names. */
import type { Projection } from '@app/event-store';
import { directoryProjection } from './read-model/directory.projection';
import { DirectoryReadModel1765200000000 } from './read-model/directory.migration';

export * from './domain';
export { DirectoryModule } from './directory.module';
export { regions, isNamedRegion } from './regions/region.aggregate';
export { departments, putDepartment } from './departments/department.aggregate';
export { regionStreamId, departmentStreamId } from './shared/directory-streams';
export { DIRECTORY_PROJECTION } from './read-model/directory.projection';
export { directoryNames, type DirectoryNames } from './names/directory-names';

export const directoryProjections = (): Projection[] => [directoryProjection];
export const directoryMigrations: Function[] = [DirectoryReadModel1765200000000];
