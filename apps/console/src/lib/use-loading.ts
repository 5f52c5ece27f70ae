import { ref } from 'vue';
import { ApiError } from '../api/client';

/** A read's state for a page: `loading` while it runs, `error` in Chinese when it failed (the page keeps what it showed). */
export function useLoading() {
  const loading = ref(false);
  const error = ref('');

  /** Runs the read; its result, or undefined when it failed (then `error` says why). */
  async function run<T>(read: () => Promise<T>): Promise<T | undefined> {
    loading.value = true;
    error.value = '';
    try {
      return await read();
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e);
      return undefined;
    } finally {
      loading.value = false;
    }
  }

  return { loading, error, run };
}
