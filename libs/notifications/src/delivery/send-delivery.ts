import { Webhook } from 'standardwebhooks';

export interface DeliveryRequest {
  deliveryId: string;
  url: string;
  secret: string;
  body: string;
}

/** What one attempt came to: delivered on a 2xx within the timeout; otherwise the status (null: no answer) and why. */
export type AttemptOutcome = { delivered: true; status: number } | { delivered: false; status: number | null; error: string };

/**
 * One attempt (api.md, Notifications): an HTTP POST of the CloudEvent, signed per Standard Webhooks
 * with the `standardwebhooks` package — `webhook-id` the delivery's id (the same on every attempt,
 * so receivers can de-duplicate), `webhook-timestamp` now, `webhook-signature` `v1,<base64 HMAC>`.
 * No redirects are followed (a receiver that moved must be subscribed again).
 */
export async function sendDelivery(request: DeliveryRequest, timeoutMs: number, now = new Date()): Promise<AttemptOutcome> {
  const signature = new Webhook(request.secret).sign(request.deliveryId, now, request.body);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        'webhook-id': request.deliveryId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
        'user-agent': 'gov-services-webhooks/1',
      },
      body: request.body,
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { delivered: true, status: response.status };
    return { delivered: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : describe(error);
    return { delivered: false, status: null, error: reason };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
