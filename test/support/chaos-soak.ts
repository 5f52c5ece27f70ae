import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { PostgresEventStore, PostgresSqlClient, rebuildProjection } from '@app/event-store';
import type { TokenClaims } from '../../apps/api/src/auth/token-claims';
import { allProjections } from '../../apps/api/src/projections/projection-registry';
import { registerBody } from '../matters-e2e.fixtures';
import { startApiProcess, type ApiProcess } from './api-process';
import { submitBody } from './applications';
import { AutoFailoverFormation } from './auto-failover';
import { spawnTs, type Child } from './child-process';
import { auditAcks } from './acknowledged-commands';
import { differences, dumpReadModels, rebuildable } from './read-model-dump';
import { TEST_JWT_SECRET } from './test-secret';

/**
 * The chaos soak (issue 16): the deployment a city runs, on this machine — a pg_auto_failover
 * formation (monitor, primary, synchronous secondary) with a read replica, three serve-only API
 * processes reading from the replica, two `projections run` workers (which also run the policies
 * and the webhook dispatcher) — under a bounded command load while a random API or worker is
 * SIGKILLed every few seconds (and started again), and the primary's machine is lost once
 * (failed over, then brought back as a secondary). Afterwards it counts what a city must never
 * see: acknowledged commands lost or doubled, a broken audit chain, read models that differ
 * from a clean rebuild, and answers other than 2xx and 503.
 */
export interface SoakOptions {
  loadMs: number;
  /** a random API or worker is killed this often */
  killEveryMs: number;
  clients: number;
  /**
   * The load goes on past `loadMs`, up to `maxLoadMs`, until at least this many APIs and workers
   * were killed and this many commands acknowledged: a slow machine (a long failover, slow
   * restarts) gets a longer soak rather than a weaker one.
   */
  atLeast?: { kills: number; acknowledged: number; maxLoadMs: number };
  log: (message: string) => void;
}

/** What the soak prints as one JSON line. */
export interface SoakFigures {
  loadSeconds: number;
  acknowledged: number;
  /** applications acknowledged, and how many of them the GET right after showed (on the replica): all, or read-your-writes failed */
  applications: number;
  readBack: number;
  lost: number;
  duplicated: number;
  auditChainValid: boolean;
  readModelsEqualRebuild: boolean;
  readModelDifferences: string[];
  /** every answer the clients got, by status; `network` when the process they asked was killed under them */
  answers: Record<string, number>;
  /** anything but 2xx, 503 problem+json or a connection the kill cut: 500s, hangs past the client's timeout */
  unexpected: string[];
  kills: { api: number; worker: number; primary: number };
  /** from the primary's loss to the first command sent after it and acknowledged (by the promoted node) */
  failoverSeconds: number | null;
  /** after the load: the lost node back as a secondary, the formation a primary and two standbys again */
  formationRestored: boolean;
}

const REQUEST_TIMEOUT_MS = 10_000;
const RETRY_FOR_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaosSoak(options: SoakOptions): Promise<SoakFigures> {
  const { log } = options;
  log('creating the formation (monitor, primary, secondary, read replica)');
  const formation = await AutoFailoverFormation.create({ readReplica: true });
  const fleet = new Fleet(formation, log);
  try {
    await fleet.open();
    log('three APIs and two workers up; loading');
    const load = new SoakLoad(fleet, options.clients);
    const started = Date.now();
    load.start();
    const kills = await fleet.chaos(options, load.firstAckAfter, () => load.acks.length);
    await load.stop();
    const loadSeconds = (Date.now() - started) / 1000;
    log(`load stopped after ${loadSeconds.toFixed(0)} s: ${load.acks.length} acknowledged; checking`);
    await fleet.settle();
    const formationRestored = await formation
      .waitFor(
        (states) =>
          states.filter((s) => s.reported === 'primary').length === 1 && states.filter((s) => s.reported === 'secondary').length === 2,
        90_000,
      )
      .then(
        () => true,
        () => false,
      );
    const figures = await fleet.check(load);
    return {
      loadSeconds,
      ...figures,
      applications: load.acks.filter((ack) => ack.streamId.startsWith('application-')).length,
      readBack: load.answers.get('GET 200') ?? 0,
      answers: Object.fromEntries(load.answers),
      unexpected: load.unexpected,
      ...kills,
      formationRestored,
    };
  } finally {
    await fleet.close();
    await formation.destroy();
  }
}

interface Ack {
  streamId: string;
  version: number;
  position: number;
  /** when the attempt that was acknowledged was sent */
  sentAt: number;
  answeredAt: number;
}

/** The processes of the soak, each restartable; a slot is null while its process is down. */
class Fleet {
  readonly apis: (ApiProcess | null)[] = [null, null, null];
  readonly workers: (Child | null)[] = [null, null];
  private readonly restarts = new Set<Promise<void>>();
  private url = '';
  private replicaUrl = '';

  constructor(
    private readonly formation: AutoFailoverFormation,
    private readonly log: (message: string) => void,
  ) {}

  async open(): Promise<void> {
    const setup = new PostgresSqlClient({ connectionString: this.formation.url(), max: 1 });
    await setup.query('CREATE DATABASE soak');
    await setup.close();
    this.url = this.formation.url('soak');
    this.replicaUrl = this.formation.nodeUrl('node3', 'soak');
    // the first API migrates the schema; the others start beside it
    await this.startApi(0);
    await Promise.all([this.startApi(1), this.startApi(2)]);
    this.startWorker(0);
    this.startWorker(1);
  }

  liveApi(): ApiProcess | null {
    const live = this.apis.filter((api): api is ApiProcess => api !== null);
    return live.length === 0 ? null : live[Math.floor(Math.random() * live.length)];
  }

  /**
   * Kills a random API or worker every `killEveryMs` and starts it again; loses the primary once,
   * at 40 % of `loadMs`. Goes on past `loadMs` while `atLeast` is not reached (see SoakOptions).
   */
  async chaos(
    options: SoakOptions,
    firstAckAfter: (at: number) => Promise<number>,
    acknowledged: () => number,
  ): Promise<Pick<SoakFigures, 'kills' | 'failoverSeconds'>> {
    const kills = { api: 0, worker: 0, primary: 0 };
    let failoverSeconds: number | null = null;
    const end = Date.now() + options.loadMs;
    const failAt = Date.now() + options.loadMs * 0.4;
    const { atLeast } = options;
    const latest = Date.now() + (atLeast?.maxLoadMs ?? options.loadMs);
    const short = () =>
      atLeast !== undefined && (kills.api + kills.worker < atLeast.kills || acknowledged() < atLeast.acknowledged || kills.primary === 0);
    while (Date.now() + options.killEveryMs < end || (short() && Date.now() + options.killEveryMs < latest)) {
      await sleep(options.killEveryMs * (0.5 + Math.random()));
      if (kills.primary === 0 && Date.now() >= failAt) {
        const lost = await this.formation.primary();
        const at = Date.now();
        await this.formation.kill(lost);
        kills.primary++;
        options.log(`lost the primary (${lost})`);
        failoverSeconds = ((await firstAckAfter(at)) - at) / 1000;
        options.log(`failed over: commands acknowledged again after ${failoverSeconds.toFixed(1)} s`);
        this.formation.restart(lost); // the machine back: it rejoins as a secondary
        continue;
      }
      const victims = [
        ...this.apis.map((api, i) => ['api', i, api] as const),
        ...this.workers.map((w, i) => ['worker', i, w] as const),
      ].filter(([, , process]) => process !== null);
      if (victims.length === 0) continue;
      const [kind, index, victim] = victims[Math.floor(Math.random() * victims.length)];
      options.log(`SIGKILL ${kind} ${index}`);
      victim!.process.kill('SIGKILL');
      if (kind === 'api') {
        kills.api++;
        (victim as ApiProcess).cleanup();
        this.apis[index] = null;
        this.background(sleep(1000).then(() => this.startApi(index)));
      } else {
        kills.worker++;
        this.workers[index] = null;
        this.background(sleep(1000).then(() => this.startWorker(index)));
      }
    }
    return { kills, failoverSeconds };
  }

  /** Waits for the restarts in flight and for every slot to be up again. */
  async settle(): Promise<void> {
    while (this.restarts.size > 0) await Promise.all([...this.restarts]);
    await Promise.all(this.apis.map((api, index) => (api ? undefined : this.startApi(index))));
    this.workers.forEach((worker, index) => worker ?? this.startWorker(index));
  }

  /** Lost and doubled commands, the audit chain, and the read models against a clean rebuild of the same log. */
  async check(
    load: SoakLoad,
  ): Promise<
    Omit<
      SoakFigures,
      'loadSeconds' | 'applications' | 'readBack' | 'answers' | 'unexpected' | 'kills' | 'failoverSeconds' | 'formationRestored'
    >
  > {
    const sql = new PostgresSqlClient({ connectionString: this.url, max: 2 });
    try {
      const rows = await sql.query<{ stream_id: string; version: string; position: string }>(
        'SELECT stream_id, version::text AS version, position::text AS position FROM es_events',
      );
      const { missing, streamsOff } = auditAcks(load.acks, rows);
      const lost = missing.length;
      // a stream holds each of its commands once: more events than acknowledged commands is a duplicate
      const duplicated = streamsOff.reduce((sum, stream) => sum + Math.max(0, stream.stored - stream.acknowledged), 0);

      const head = Math.max(0, ...rows.map((row) => Number(row.position)));
      const audit = await this.getCaughtUp(`/api/v1/audit-log/verify?minPosition=${head}`);
      for (const [index, worker] of this.workers.entries()) {
        worker?.process.kill('SIGKILL');
        await worker?.exited;
        this.workers[index] = null;
      }
      const resumed = await dumpReadModels(sql);
      const store = new PostgresEventStore(sql);
      for (const projection of allProjections.filter(rebuildable)) await rebuildProjection(store, sql, projection, { batchSize: 2000 });
      const readModelDifferences = differences(resumed, await dumpReadModels(sql));
      return {
        acknowledged: load.acks.length,
        lost,
        duplicated,
        auditChainValid: (audit as { valid?: boolean }).valid === true,
        readModelsEqualRebuild: readModelDifferences.length === 0,
        readModelDifferences,
      };
    } finally {
      await sql.close();
    }
  }

  async close(): Promise<void> {
    for (const api of this.apis) api?.cleanup();
    for (const worker of this.workers) worker?.process.kill('SIGKILL');
  }

  /** A GET on any API, repeated while it answers 503 (the workers catching up), up to 2 minutes. */
  private async getCaughtUp(path: string): Promise<unknown> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const api = this.liveApi();
      const answer =
        api &&
        (await fetch(`${api.baseUrl}${path}`, { headers: { Authorization: `Bearer ${api.token({ roles: ['admin'] })}` } }).catch(
          () => null,
        ));
      if (answer?.status === 200) return answer.json();
      if (Date.now() > deadline) throw new Error(`GET ${path} did not answer 200 within 2 minutes (last: ${answer?.status})`);
      await sleep(500);
    }
  }

  /** Starts API `index`, trying again while it does not come up (during the failover it may not). */
  private async startApi(index: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.apis[index] = await startApiProcess(this.url, {
          RUN_PROJECTIONS: 'false',
          READ_DATABASE_URL: this.replicaUrl,
          PGAPPNAME: `soak-api-${index}`,
          LOG_LEVEL: 'warn',
        });
        return;
      } catch (error) {
        this.log(`api ${index} did not start (attempt ${attempt}): ${String(error).slice(0, 300)}`);
        if (attempt >= 3) throw error;
      }
    }
  }

  /** Starts worker `index`; one that exits by itself (not killed here) is logged and started again. */
  private startWorker(index: number): void {
    const worker = spawnTs('apps/api/src/cli/projections.cli.ts', ['run'], {
      DATABASE_URL: this.url,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PGAPPNAME: `soak-worker-${index}`,
      LOG_LEVEL: 'warn',
    });
    this.workers[index] = worker;
    void worker.exited.then(({ code, signal }) => {
      if (signal === 'SIGKILL' || this.workers[index] !== worker) return;
      this.log(`worker ${index} exited by itself (${code}): ${worker.output.stderr.slice(-300)}`);
      this.workers[index] = null;
      this.background(sleep(1000).then(() => this.startWorker(index)));
    });
  }

  private background(work: Promise<void>): void {
    const tracked = work.catch(() => undefined).finally(() => this.restarts.delete(tracked));
    this.restarts.add(tracked);
  }
}

/**
 * Clients issuing register → publish → submit, each command under its own Idempotency-Key and
 * retried with it on any live API while the answer is 503 or the connection was cut (its API
 * killed) — as a well-behaved client behind a load balancer does.
 */
class SoakLoad {
  readonly acks: Ack[] = [];
  readonly answers = new Map<string, number>();
  readonly unexpected: string[] = [];
  private running = false;
  private clients: Promise<void>[] = [];
  private readonly jwt = new JwtService({ secret: TEST_JWT_SECRET });

  constructor(
    private readonly fleet: Fleet,
    private readonly count: number,
  ) {}

  start(): void {
    this.running = true;
    this.clients = Array.from({ length: this.count }, (_, index) => this.client(index));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.clients);
  }

  /** When the first command sent after `at` was acknowledged (waits for it). */
  readonly firstAckAfter = async (at: number): Promise<number> => {
    for (;;) {
      const ack = this.acks.find((each) => each.sentAt > at);
      if (ack) return ack.answeredAt;
      await sleep(50);
    }
  };

  private token(claims: Partial<TokenClaims> & Pick<TokenClaims, 'roles'>): string {
    return this.jwt.sign({ sub: 'soak', ...claims }, { algorithm: 'HS256', expiresIn: '1h' });
  }

  private async client(index: number): Promise<void> {
    const admin = this.token({ roles: ['catalog_admin'], sub: `soak-admin-${index}` });
    const clerk = this.token({ roles: ['window_staff'], departmentId: 'dept-market', sub: `soak-clerk-${index}` });
    while (this.running) {
      const matter = await this.command('/api/v1/matters', registerBody(), admin, 'matter');
      if (!matter) return;
      if (!(await this.command(`/api/v1/matters/${matter}/publish`, { effectiveFrom: '2019-03-01' }, admin, 'matter'))) return;
      const application = await this.command('/api/v1/applications', submitBody(matter), clerk, 'application');
      if (!application || !(await this.readOwnWrite(`/api/v1/applications/${application}`, clerk))) return;
    }
  }

  /**
   * The GET of what the client just wrote, on any API (they read from the replica): it must show
   * the write — a 404 there would be a read-your-writes failure — or answer 503 (retried).
   */
  private async readOwnWrite(path: string, token: string): Promise<boolean> {
    const deadline = Date.now() + RETRY_FOR_MS;
    while (Date.now() < deadline) {
      const api = this.fleet.liveApi();
      if (!api) {
        await sleep(100);
        continue;
      }
      const answer = await fetch(`${api.baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).then(
        (response) => `GET ${response.status}`,
        (error: Error) => (error.name === 'TimeoutError' ? 'GET timeout' : 'GET network'),
      );
      this.answers.set(answer, (this.answers.get(answer) ?? 0) + 1);
      if (answer === 'GET 200') return true;
      if (answer !== 'GET 503' && answer !== 'GET network') {
        this.unexpected.push(`GET ${path} → ${answer}`);
        return false;
      }
      await sleep(50);
    }
    this.unexpected.push(`GET ${path}: not answered within ${RETRY_FOR_MS / 1000} s`);
    return false;
  }

  private async command(path: string, body: object, token: string, stream: 'matter' | 'application'): Promise<string | undefined> {
    const key = `soak-${randomUUID()}`;
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      if (Date.now() > deadline) {
        this.unexpected.push(`POST ${path}: not acknowledged within ${RETRY_FOR_MS / 1000} s`);
        return undefined;
      }
      const api = this.fleet.liveApi();
      if (!api) {
        await sleep(100);
        continue;
      }
      const sentAt = Date.now();
      const answer = await post(api, path, token, key, body);
      this.answers.set(answer.status, (this.answers.get(answer.status) ?? 0) + 1);
      if (/^2\d\d$/.test(answer.status)) {
        const { id, version, position } = answer.body as { id: string; version: number; position: number };
        this.acks.push({ streamId: `${stream}-${id}`, version, position, sentAt, answeredAt: Date.now() });
        return id;
      }
      if (!(answer.status === 'network' || (answer.status === '503' && answer.problem))) {
        this.unexpected.push(`POST ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
        return undefined;
      }
      await sleep(50);
    }
  }
}

/** One POST: its status (`network` when the connection failed or was cut, `timeout` past REQUEST_TIMEOUT_MS). */
async function post(
  api: ApiProcess,
  path: string,
  token: string,
  key: string,
  body: object,
): Promise<{ status: string; body: unknown; problem: boolean }> {
  try {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const problem = (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
    return { status: String(response.status), body: text ? (JSON.parse(text) as unknown) : null, problem };
  } catch (error) {
    return { status: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network', body: String(error), problem: false };
  }
}
