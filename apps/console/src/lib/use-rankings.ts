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
      [byRegion.value, byDepartment.value] = await Promise.all([
        api.rankings(indicator, 'region', asOf),
        api.rankings(indicator, 'department', asOf),
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
