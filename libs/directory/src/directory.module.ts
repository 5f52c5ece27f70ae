import { Module } from '@nestjs/common';
import { DepartmentsController } from './departments/departments.controller';
import { RegionsController } from './regions/regions.controller';

/** libs/directory in the API: the routes of regions and departments. Commands go through the app's one CommandExecutor. */
@Module({ controllers: [RegionsController, DepartmentsController] })
export class DirectoryModule {}
