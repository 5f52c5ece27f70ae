import { DEFERRED_MATERIALS_LIMITS } from '../../domain';

/** What the app's configuration sets for applications (README "Configuration"). */
export interface ApplicationSettings {
  /** 容缺受理: `deferredDueOn` when an acceptance gives none, in working days after acceptance (`DEFERRED_DUE_WORKDAYS`) */
  deferredDueWorkdays: number;
}

export const APPLICATION_SETTINGS = Symbol('APPLICATION_SETTINGS');

export const DEFAULT_APPLICATION_SETTINGS: ApplicationSettings = { deferredDueWorkdays: DEFERRED_MATERIALS_LIMITS.dueWorkdays };
