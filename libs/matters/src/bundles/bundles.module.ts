import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicantKeyStore } from '../applications/applicant-keys/applicant-key-store';
import { ApplicantCipher } from '../personal-data';
import { BundleApplicationsQueryController } from './bundle-application-read-model/bundle-applications-query.controller';
import { BundleCodeRegistry } from './bundle-codes/bundle-code-registry';
import { BundlesQueryController } from './bundle-read-model/bundles-query.controller';
import { BundleCatalogue } from './define-bundle/bundle-catalogue';
import { BundleCommandsController } from './define-bundle/bundle-commands.controller';
import { BundleApplicationIntake } from './submit-bundle-application/bundle-application-intake';
import { SubmitBundleApplicationController } from './submit-bundle-application/submit-bundle-application.controller';

/** 一件事 over HTTP: bundles in the catalogue and bundle applications. Needs the app's EVENT_STORE, SQL_CLIENT and CommandExecutor. */
@Module({})
export class BundlesModule {
  static forRoot(): DynamicModule {
    return {
      module: BundlesModule,
      controllers: [BundleCommandsController, BundlesQueryController, SubmitBundleApplicationController, BundleApplicationsQueryController],
      providers: [
        BundleCodeRegistry,
        BundleCatalogue,
        { provide: ApplicantCipher, useValue: new ApplicantCipher() },
        ApplicantKeyStore,
        BundleApplicationIntake,
      ],
    };
  }
}
