import { Client } from 'pg';

/**
 * libpq's `target_session_attrs`: which of a URL's hosts a session may use. `any` takes the first
 * that answers; `read-write` the first whose sessions may write (`transaction_read_only` off: not
 * a standby, nor a primary a failover manager has made read-only); `primary` the first that is not
 * a standby; `read-only` the first whose sessions may not write; `standby` the first standby;
 * `prefer-standby` a standby, else any.
 */
export type SessionAttrs = 'any' | 'read-write' | 'primary' | 'read-only' | 'standby' | 'prefer-standby';

const SESSION_ATTRS: readonly SessionAttrs[] = ['any', 'read-write', 'primary', 'read-only', 'standby', 'prefer-standby'];

/**
 * The servers a PostgreSQL URL names, libpq's way, since node-postgres takes one host only:
 * `postgres://user@10.0.0.1:5432,10.0.0.2:5432/gov?target_session_attrs=read-write` (what
 * `pg_autoctl show uri` prints for a pg_auto_failover formation) is two single-host URLs and the
 * rule for choosing between them.
 */
export interface ServerTarget {
  /** one single-host URL per host, in the URL's order, without `target_session_attrs` */
  readonly urls: readonly string[];
  readonly attrs: SessionAttrs;
  /** `10.0.0.1:5432,10.0.0.2:5432, database "gov"`: where, never who */
  readonly description: string;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)([^?#]*)(\?[^#]*)?$/;

export function parseServerTarget(url: string): ServerTarget {
  const parts = URL_PARTS.exec(url);
  if (!parts) return { urls: [url], attrs: 'any', description: 'PostgreSQL' };
  const [, scheme, userInfo = '', hostList, path, query = ''] = parts;
  const params = new URLSearchParams(query.slice(1));
  const attrs = (params.get('target_session_attrs') ?? 'any') as SessionAttrs;
  if (!SESSION_ATTRS.includes(attrs)) throw new Error(`target_session_attrs must be one of ${SESSION_ATTRS.join(', ')}`);
  params.delete('target_session_attrs');
  const rest = params.size > 0 ? `${path}?${params.toString()}` : path;
  const hosts = hostList.split(',').filter((host) => host !== '');
  const database = decodeURIComponent(path.slice(1));
  return {
    urls: (hosts.length > 0 ? hosts : ['']).map((host) => `${scheme}${userInfo}${host}${rest}`),
    attrs,
    description: `${(hosts.length > 0 ? hosts : ['localhost']).map((host) => (/:\d+$/.test(host) ? host : `${host}:5432`)).join(',')}${database ? `, database "${database}"` : ''}`,
  };
}

/** No host of a target would take the session now (all down, or none in the role asked for): answered as 503. */
export class NoServerAvailable extends Error {
  /** SQLSTATE sqlclient_unable_to_establish_sqlconnection, so it reads as a connection error */
  readonly code = '08001';
}

/**
 * The URL of the host a session should use now: every host is asked at once whether it is a
 * standby and whether its sessions may write, and the first in the URL's order that fits wins.
 * A target of one host with `any` is answered without asking.
 */
export async function locateServer(target: ServerTarget, connectTimeoutMs: number): Promise<string> {
  if (target.urls.length === 1 && target.attrs === 'any') return target.urls[0];
  const servers = await Promise.all(target.urls.map((url) => stateOf(url, connectTimeoutMs)));
  const first = (fits: (server: ServerState) => boolean) => target.urls.find((_, index) => servers[index] !== null && fits(servers[index]));
  const chosen = {
    any: () => first(() => true),
    'read-write': () => first((server) => !server.readOnly),
    primary: () => first((server) => !server.standby),
    'read-only': () => first((server) => server.readOnly),
    standby: () => first((server) => server.standby),
    'prefer-standby': () => first((server) => server.standby) ?? first(() => true),
  }[target.attrs]();
  if (chosen) return chosen;
  throw new NoServerAvailable(`no server of ${target.description} takes ${target.attrs} sessions now`);
}

interface ServerState {
  standby: boolean;
  readOnly: boolean;
}

/** What libpq asks a server before it settles on it; null when it does not answer. */
async function stateOf(url: string, connectTimeoutMs: number): Promise<ServerState | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, application_name: 'locate-server' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<ServerState>(
      "SELECT pg_is_in_recovery() AS standby, current_setting('transaction_read_only') = 'on' AS \"readOnly\"",
    );
    return rows[0];
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
