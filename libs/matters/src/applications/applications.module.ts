import { Module } from '@nestjs/common';
import { ApplicantCipher } from '../personal-data';
import { ApplicantKeyStore } from './applicant-keys/applicant-key-store';
import { DiscloseApplicantController } from './disclose-applicant/disclose-applicant.controller';
import { ApplicantDisclosure } from './disclose-applicant/applicant-disclosure';
import { EraseApplicant } from './erase-applicant/erase-applicant';
import { EraseApplicantController } from './erase-applicant/erase-applicant.controller';
import { ApplicationLifecycleController } from './lifecycle/application-lifecycle.controller';
import { ApplicationsQueryController } from './read-model/applications-query.controller';
import { SubmitApplicationController } from './submit/submit-application.controller';
import { ApplicationIntake } from './submit/submit-application';

/**
 * Applications (办件), api.md "Applications": commands through the CommandExecutor, reads by query
 * functions over `SQL_CLIENT` from the `applications` read model. Needs the app's global
 * StorageModule (EVENT_STORE, SQL_CLIENT, CommandExecutor); its projection and migrations are registered in
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
    ApplicantDisclosure,
  ],
})
export class ApplicationsModule {}
