import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { ApplicantCipher } from '../personal-data';
import { ApplicantKeyStore } from './applicant-keys/applicant-key-store';
import { DiscloseApplicantController } from './disclose-applicant/disclose-applicant.controller';
import { ApplicantDisclosure } from './disclose-applicant/applicant-disclosure';
import { EraseApplicant } from './erase-applicant/erase-applicant';
import { EraseApplicantController } from './erase-applicant/erase-applicant.controller';
import { ApplicationLifecycleController } from './lifecycle/application-lifecycle.controller';
import { ApplicationsQueryController } from './read-model/applications-query.controller';
import { SubmitApplicationController } from './submit/submit-application.controller';
import { APPLICATION_SETTINGS, DEFAULT_APPLICATION_SETTINGS, type ApplicationSettings } from './settings/application-settings';
import { ApplicationIntake } from './submit/submit-application';

/** How the app provides the settings: from its configuration. */
export interface SettingsProvider {
  inject: InjectionToken[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's factories take the injected values in order
  useFactory: (...deps: any[]) => ApplicationSettings;
}

const CONTROLLERS = [
  SubmitApplicationController,
  ApplicationLifecycleController,
  EraseApplicantController,
  DiscloseApplicantController,
  ApplicationsQueryController,
];

const PROVIDERS = [
  { provide: ApplicantCipher, useValue: new ApplicantCipher() },
  ApplicantKeyStore,
  ApplicationIntake,
  EraseApplicant,
  ApplicantDisclosure,
];

/**
 * Applications (办件), api.md "Applications": commands through the CommandExecutor, reads by query
 * functions over `SQL_CLIENT` from the `applications` read model. Needs the app's global
 * StorageModule (EVENT_STORE, SQL_CLIENT, CommandExecutor); its projection and migrations are registered in
 * apps/api (projection-registry.ts, database-schema.ts). `forRoot` takes the configured settings
 * (the 容缺受理 default due date).
 */
@Module({})
export class ApplicationsModule {
  static forRoot(settings?: SettingsProvider): DynamicModule {
    return {
      module: ApplicationsModule,
      controllers: CONTROLLERS,
      providers: [
        ...PROVIDERS,
        settings
          ? { provide: APPLICATION_SETTINGS, inject: settings.inject, useFactory: settings.useFactory }
          : { provide: APPLICATION_SETTINGS, useValue: DEFAULT_APPLICATION_SETTINGS },
      ],
    };
  }
}
