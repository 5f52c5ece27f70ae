/**
 * Resource ids in the API are uuids (as for matters: `{id}` is the uuid alone); streams are
 * `quality-issue-<uuid>` and `matter-<uuid>` (whose stream id is `@app/matters`' matterStreamId). A prefixed id is accepted too and stripped.
 */
export const ISSUE_STREAM_PREFIX = 'quality-issue-';
export const MATTER_STREAM_PREFIX = 'matter-';

const strip = (prefix: string) => (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);

export const bareIssueId = strip(ISSUE_STREAM_PREFIX);
export const bareMatterId = strip(MATTER_STREAM_PREFIX);
export const issueStreamId = (id: string): string => `${ISSUE_STREAM_PREFIX}${bareIssueId(id)}`;
