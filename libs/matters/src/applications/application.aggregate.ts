import type { Aggregate } from '@app/event-store';
import { applicationDecider, type ApplicationCommand, type ApplicationEvent, type ApplicationState } from '../domain';
import { assertMayHandle } from './application-scope';
import { applicationStreamId } from './application-stream';

/**
 * Applications (办件) on the one command path: `application-<uuid>` streams, owned by their
 * matter's department, handled by window staff with a department (or admin). A lifecycle is many
 * short commands on one stream, so the streams handled last are kept.
 */
export const applications: Aggregate<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  name: 'application',
  decider: applicationDecider,
  streamId: applicationStreamId,
  departmentOf: (state) => (state.status === 'none' ? undefined : state.matter.departmentId),
  authorize: assertMayHandle,
  cacheStreams: true,
};
