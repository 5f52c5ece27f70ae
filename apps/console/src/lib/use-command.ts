import { reactive, ref } from 'vue';
import { ApiError, type CommandOptions } from '../api/client';
import type { CommandResult } from '../api/types';
import { fieldErrors } from '../api/problem';

/**
 * One command form's sending state, the one way the console sends a change: a fresh
 * Idempotency-Key per intended change (kept across a retry after a lost answer, renewed after a
 * refusal), If-Match from the version the person saw, problem+json errors in the fields they
 * name, and a 412 marked `stale` so the form can offer to reload.
 */
export function useCommand(fields: readonly string[]) {
  const errors = reactive<Record<string, string>>({});
  const failure = ref('');
  const stale = ref(false);
  const sending = ref(false);
  let idempotencyKey = crypto.randomUUID();

  function reset() {
    for (const field of Object.keys(errors)) delete errors[field];
    failure.value = '';
    stale.value = false;
    idempotencyKey = crypto.randomUUID();
  }

  /** Sends once; the result, or null when refused (the refusal then shows in `errors` / `failure`). */
  async function run<T = CommandResult>(version: number | undefined, send: (options: CommandOptions) => Promise<T>): Promise<T | null> {
    sending.value = true;
    failure.value = '';
    for (const field of Object.keys(errors)) delete errors[field];
    try {
      return await send({ idempotencyKey, ifMatch: version });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      stale.value = e.status === 412;
      const { byField, rest } = fieldErrors(e.problem, fields);
      Object.assign(errors, byField);
      failure.value = Object.keys(byField).length > 0 && rest.length === 0 ? '' : e.message;
      // a refusal is final for this key (a corrected form is another command); a lost answer or a 5xx keeps it for the retry
      if (e.status !== 0 && e.status < 500) idempotencyKey = crypto.randomUUID();
      return null;
    } finally {
      sending.value = false;
    }
  }

  return { errors, failure, stale, sending, reset, run };
}
