import { Module } from '@nestjs/common';
import { ApplicantCipher } from '../personal-data';
import { ApplicantKeyStore } from './applicant-keys/applicant-key-store';
import { DiscloseApplicantController } from './disclose-applicant/disclose-applicant.controller';
import { DiscloseApplicantHandler } from './disclose-applicant/disclose-applicant.query';
import { EraseApplicant } from './erase-applicant/erase-applicant';
import { EraseApplicantController } from './erase-applicant/erase-applicant.controller';
import { ApplicationLifecycleController } from './lifecycle/application-lifecycle.controller';
import { ApplicationsQueryController } from './read-model/applications-query.controller';
import { GetApplicationHandler } from './read-model/get-application.query';
import { ListApplicationsHandler } from './read-model/list-applications.query';
import { SubmitApplicationController } from './submit/submit-application.controller';
import { ApplicationIntake } from './submit/submit-application';

/**
 * Applications (办件), api.md "Applications": commands through the CommandExecutor, reads through the
 * QueryBus from the `applications` read model. Needs the app's global StorageModule (EVENT_STORE,
 * SQL_CLIENT, DataSource) and CqrsModule; its projection, entities and migrations are registered in
 * apps/api (projection-registry.ts, database-schema.ts).
 */
@Module({
  controllers: [
    SubmitApplicationController,
    ApplicationLifecycleController,
    EraseApplicantController,
    DiscloseApplicantController,
    ApplicationsQueryController,
  ],
  providers: [
    { provide: ApplicantCipher, useValue: new ApplicantCipher() },
    ApplicantKeyStore,
    ApplicationIntake,
    EraseApplicant,
    DiscloseApplicantHandler,
    GetApplicationHandler,
    ListApplicationsHandler,
  ],
})
export class ApplicationsModule {}
