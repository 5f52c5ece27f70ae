import { ref } from 'vue';
import { ApiError } from '../api/client';

/**
 * A read's state for a page: `loading` while it runs, `error` in Chinese when it failed (the page
 * keeps what it showed). The latest run wins: a read overtaken by a later one (the filter changed
 * while it was on its way) answers undefined and touches neither state, whichever comes back first.
 */
export function useLoading() {
  const loading = ref(false);
  const error = ref('');
  let latest = 0;

  /** Runs the read; its result, or undefined when it failed (then `error` says why) or a later run overtook it. */
  async function run<T>(read: () => Promise<T>): Promise<T | undefined> {
    const mine = ++latest;
    loading.value = true;
    error.value = '';
    try {
      const result = await read();
      return mine === latest ? result : undefined;
    } catch (e) {
      if (mine === latest) error.value = e instanceof ApiError ? e.message : String(e);
      return undefined;
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  return { loading, error, run };
}
