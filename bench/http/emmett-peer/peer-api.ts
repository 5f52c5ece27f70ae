/**
 * The peer of section 2 (issue 15): the same two commands as our route, written Emmett's web-API
 * way as `samples/webApi/expressjs-with-postgresql` writes it — Express with `express.json()`, a
 * route per command that checks its input, builds the command, and runs Emmett's
 * `CommandHandler` (read the stream, fold `evolve`, `decide`, append with the expected version)
 * over `emmett-postgresql`. Plain Express, not `@event-driven-io/emmett-expressjs`: the registry's
 * 0.20.0 is built against an older Emmett than the 0.42 store. The decider is ours (pure, no
 * framework), so both sides decide the same rules; a bearer token is verified (HS256) as ours is.
 * Like the sample's shopping-cart details, one read model is kept inline (a Pongo document per
 * application, written in the append's transaction); ours keeps its read models asynchronously.
 *
 * A child process of the bench: `PORT`, `DATABASE_URL`, `AUTH_JWT_SECRET`; logs `listening` when up.
 * `POST /bench/stock {count}` appends `count` submitted applications (the stock; not measured).
 */
import { randomUUID } from 'node:crypto';
import { CommandHandler, projections, type EventStore } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, pongoSingleStreamProjection } from '@event-driven-io/emmett-postgresql';
import { JwtService } from '@nestjs/jwt';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DomainError } from '@app/kernel';
import { applicationDecider, type ApplicationCommand, type ApplicationEvent, type MatterSnapshot } from '../../../libs/matters/src/domain';

const streamIdOf = (applicationId: string) => `application-${applicationId}`;

const handle = CommandHandler<ReturnType<typeof applicationDecider.initialState>, ApplicationEvent>({
  evolve: applicationDecider.evolve,
  initialState: applicationDecider.initialState,
});

/** The application's details, as the sample keeps its shopping carts' (getDetails). */
interface ApplicationDetails extends Record<string, unknown> {
  matterCode: string;
  departmentId: string;
  status: string;
  submittedAt: string;
  acceptedAt?: string;
  completedAt?: string;
  outcome?: string;
}

const applicationDetailsProjection = pongoSingleStreamProjection<ApplicationDetails, ApplicationEvent>({
  collectionName: 'applicationDetails',
  canHandle: ['application.submitted', 'application.accepted', 'application.completed'],
  evolve: (document: ApplicationDetails | null, event: ApplicationEvent): ApplicationDetails | null => {
    switch (event.type) {
      case 'application.submitted':
        return {
          matterCode: event.data.matter.code,
          departmentId: event.data.matter.departmentId,
          status: 'submitted',
          submittedAt: event.data.at,
        };
      case 'application.accepted':
        return document && { ...document, status: 'accepted', acceptedAt: event.data.at };
      case 'application.completed':
        return document && { ...document, status: 'completed', completedAt: event.data.at, outcome: event.data.outcome };
      default:
        return document;
    }
  },
});

const BENCH_MATTER: MatterSnapshot = {
  code: 'BENCH-PEER',
  version: 1,
  handlingType: 'promised',
  promisedWorkdays: 5,
  departmentId: 'dept-bench',
  regionCode: '330602',
};

function bearerChecked(jwt: JwtService) {
  return (request: Request, response: Response, next: NextFunction) => {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    try {
      if (!match) throw new Error('no bearer token');
      jwt.verify(match[1], { algorithms: ['HS256'] });
      next();
    } catch {
      response.status(401).type('application/problem+json').json({ title: 'Unauthorized', status: 401 });
    }
  };
}

function command(
  eventStore: EventStore,
  toCommand: (request: Request, at: string) => ApplicationCommand,
): (request: Request, response: Response) => Promise<void> {
  return async (request, response) => {
    const applicationId = assertNotEmptyString(request.params.id);
    try {
      const at = new Date().toISOString();
      const result = await handle(eventStore, streamIdOf(applicationId), (state) =>
        applicationDecider.decide(toCommand(request, at), state),
      );
      const version = Number(result.nextExpectedStreamVersion);
      response.status(200).set('ETag', `"${version}"`).json({ id: applicationId, version });
    } catch (error) {
      const status = error instanceof DomainError ? 409 : error instanceof InvalidInput ? 400 : 500;
      response
        .status(status)
        .type('application/problem+json')
        .json({ title: (error as Error).message, status });
    }
  };
}

class InvalidInput extends Error {}

function assertNotEmptyString(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidInput('expected a non-empty string');
  return value;
}

function assertNonNegativeInteger(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new InvalidInput('expected a non-negative integer');
  return value;
}

async function main(): Promise<void> {
  const eventStore = getPostgreSQLEventStore(process.env.DATABASE_URL!, {
    projections: projections.inline([applicationDetailsProjection]),
  });
  await eventStore.schema.migrate();
  const jwt = new JwtService({ secret: process.env.AUTH_JWT_SECRET! });
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  app.post(
    '/api/v1/applications/:id/accept',
    bearerChecked(jwt),
    command(eventStore, (_request, at) => ({ type: 'application.accept', data: { at } })),
  );
  app.post(
    '/api/v1/applications/:id/complete',
    bearerChecked(jwt),
    command(eventStore, (request, at) => ({
      type: 'application.complete',
      data: {
        outcome: assertNotEmptyString((request.body as { outcome?: unknown }).outcome) as 'approved',
        visits: assertNonNegativeInteger((request.body as { visits?: unknown }).visits),
        at,
      },
    })),
  );
  app.post('/bench/stock', async (request, response) => {
    const ids = Array.from({ length: Number((request.body as { count: number }).count) }, () => randomUUID());
    const at = new Date().toISOString();
    for (const applicationId of ids) {
      const submitted = applicationDecider.decide(
        {
          type: 'application.submit',
          data: {
            applicationId,
            matterId: 'bench-peer-matter',
            matter: BENCH_MATTER,
            channel: 'window',
            applicant: { kind: 'person', keyId: 'k', sealed: 's', idNumberMasked: '3306**********0000', nameMasked: '申*' },
            at,
          },
        },
        applicationDecider.initialState(),
      );
      await eventStore.appendToStream(streamIdOf(applicationId), submitted, { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' });
    }
    response.json({ ids });
  });

  const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
  process.on('SIGTERM', () => server.close(() => void eventStore.close().then(() => process.exit(0))));
}

void main();
