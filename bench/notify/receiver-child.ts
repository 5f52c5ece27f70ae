/**
 * The bench's webhook receiver in a process of its own (`receiver-process.ts` forks it): standing
 * in for the other system's machine, so verifying signatures never runs on the load generator's
 * event loop. Answers the parent over IPC.
 */
import { BenchReceiver } from './bench-receiver';

type Request =
  { id: number; kind: 'trust'; name: string; secret: string } | { id: number; kind: 'arrivals' } | { id: number; kind: 'stop' };

const receiver = new BenchReceiver();

void receiver.start().then(() => process.send!({ kind: 'ready', baseUrl: receiver.baseUrl }));

process.on('message', (request: Request) => {
  if (request.kind === 'trust') {
    receiver.trust(request.name, request.secret);
    process.send!({ id: request.id });
  } else if (request.kind === 'arrivals') {
    process.send!({ id: request.id, arrivals: [...receiver.arrivals.values()], badSignatures: receiver.badSignatures });
  } else {
    void receiver.stop().then(() => {
      process.send!({ id: request.id });
      process.disconnect();
    });
  }
});
