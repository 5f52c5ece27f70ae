import { reactive } from 'vue';
import { api } from '../api/client';
import type { DepartmentEntry, RegionEntry } from '../api/types';

/** Names for the codes the API answers with, read once per sign-in; an unknown code reads as the code. */
const names = reactive({ regions: new Map<string, string>(), departments: new Map<string, string>() });
let loading: Promise<void> | null = null;

/** The lookup tables: a department by its short name (its name when it has none). */
export function directoryNames(regions: RegionEntry[], departments: DepartmentEntry[]) {
  return {
    regions: new Map(regions.map((r) => [r.code, r.name])),
    departments: new Map(departments.map((d) => [d.id, d.shortName || d.name])),
  };
}

async function fetchAll(): Promise<void> {
  const departments: DepartmentEntry[] = [];
  for (let page = 1; ; page += 1) {
    const result = await api.departments(page);
    departments.push(...result.items);
    if (departments.length >= result.total || result.items.length === 0) break;
  }
  const built = directoryNames((await api.regions()).items, departments);
  names.regions = built.regions;
  names.departments = built.departments;
}

/** Loads the directory once; a failure leaves codes shown as codes (no page breaks for want of names). */
export function loadDirectory(): Promise<void> {
  loading ??= fetchAll().catch(() => {
    loading = null;
  });
  return loading;
}

/** `市场监管局（scjg）`, or the id alone when the directory does not know it. */
export function departmentLabel(id: string | null | undefined): string {
  if (!id) return '（未知部门）';
  const name = names.departments.get(id);
  return name && name !== id ? `${name}（${id}）` : id;
}

/** `嵊州市（330683）`, or the code alone. */
export function regionLabel(code: string | null | undefined): string {
  if (!code) return '（未知区划）';
  const name = names.regions.get(code);
  return name && name !== code ? `${name}（${code}）` : code;
}
