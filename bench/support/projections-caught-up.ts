import { allProjections } from '../../apps/api/src/projections/projection-registry';
import type { ApiProcess } from './api-process';

/** Polls the API's GET /metrics every second (`pollMs`); answers the projections still behind (none: caught up) when caught up or out of time. */
export async function waitForProjections(api: ApiProcess, timeoutS: number, pollMs = 1000): Promise<string[]> {
  const deadline = performance.now() + timeoutS * 1000;
  for (;;) {
    const behind = projectionsBehind(await (await fetch(`${api.baseUrl}/metrics`)).text());
    if (behind.length === 0 || performance.now() > deadline) return behind;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function projectionsBehind(metrics: string): string[] {
  const lag = new Map<string, number>();
  for (const [, projection, value] of metrics.matchAll(/^projection_lag_events\{projection="([^"]+)"\} (\S+)$/gm))
    lag.set(projection, Number(value));
  return allProjections.map((p) => `${p.name}@v${p.version}`).filter((id) => lag.get(id) !== 0);
}
