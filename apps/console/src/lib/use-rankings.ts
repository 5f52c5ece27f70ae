import { ref } from 'vue';
import { api, ApiError } from '../api/client';
import type { IndicatorKey, Ranking } from '../api/types';

/** Both rankings of the 晾晒台 (regions, departments) for an indicator and a date, with loading and error state. */
export function useRankings() {
  const byRegion = ref<Ranking>();
  const byDepartment = ref<Ranking>();
  const loading = ref(false);
  const error = ref('');
  const loadedAt = ref<Date>();

  async function load(indicator: IndicatorKey, asOf: string) {
    loading.value = true;
    error.value = '';
    try {
      // each chart is drawn as soon as its own ranking arrives
      await Promise.all([
        api.rankings(indicator, 'region', asOf).then((ranking) => (byRegion.value = ranking)),
        api.rankings(indicator, 'department', asOf).then((ranking) => (byDepartment.value = ranking)),
      ]);
      loadedAt.value = new Date();
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  return { byRegion, byDepartment, loading, error, loadedAt, load };
}
