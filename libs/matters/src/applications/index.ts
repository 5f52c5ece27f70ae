/** The applications (办件) context: its Nest module, and what apps/api registers (projection, migrations). */
export { ApplicationsModule, type SettingsProvider as ApplicationSettingsProvider } from './applications.module';
export { applicationsProjection, ApplicationsProjection, APPLICATIONS_TABLE } from './read-model/applications.projection';
export { ApplicationsReadModel1764300000001 } from './read-model/applications.migration';
export { ApplicationsDeferredAndFeedback1764900000001 } from './read-model/applications-feedback.migration';
export { APPLICATION_SETTINGS, type ApplicationSettings } from './settings/application-settings';
export { ApplicantKeys1764300000000 } from './applicant-keys/applicant-keys.migration';
export { applications } from './application.aggregate';
export { ApplicationIntake, type Submission } from './submit/submit-application';
