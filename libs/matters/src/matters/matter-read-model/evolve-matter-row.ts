import type { MatterEvent } from '../../domain/matter';
import type { MatterElements } from '../../domain/matter-elements';
import type { MatterRowData } from './matter-row';

/** What the row needs of a recorded event. */
export interface MatterRowEvent {
  event: MatterEvent;
  /** the stream version after the event */
  version: number;
}

type RowWithoutElements = Omit<MatterRowData, 'elements' | 'name' | 'department_id' | 'region_code'>;

/** The elements of the latest version, and the columns the list filters on. */
const withElements = (row: RowWithoutElements, elements: MatterElements): MatterRowData => ({
  ...row,
  elements,
  name: elements.name,
  department_id: elements.departmentId,
  region_code: elements.regionCode,
});

/**
 * The row after one event. Pure; an event at or below the row's stream version was applied
 * already and leaves it unchanged, so replaying a batch cannot corrupt the row.
 */
export function evolveMatterRow(row: MatterRowData | undefined, { event, version }: MatterRowEvent): MatterRowData | undefined {
  if (row && version <= row.stream_version) return row;
  if (event.type === 'matter.registered') {
    const { matterId, code, elements, at } = event.data;
    const draft: RowWithoutElements = {
      matter_id: matterId,
      code,
      status: 'draft',
      status_reason: null,
      catalogue_version: null,
      effective_from: null,
      stream_version: version,
      versions: [],
      status_periods: [],
      registered_at: at,
      updated_at: at,
    };
    return withElements(draft, elements);
  }
  if (!row) return row; // a stream without its registration: nothing to show
  const next = { ...row, stream_version: version, updated_at: event.data.at };
  switch (event.type) {
    case 'matter.published':
    case 'matter.revised': {
      const { version: catalogueVersion, effectiveFrom, elements, at } = event.data;
      const versioned = { ...next, catalogue_version: catalogueVersion, effective_from: effectiveFrom };
      const periods =
        event.type === 'matter.published'
          ? [...row.status_periods, { status: 'published' as const, from: effectiveFrom }]
          : row.status_periods;
      const status = event.type === 'matter.published' ? 'published' : row.status;
      return withElements(
        { ...versioned, status, status_periods: periods, versions: [...row.versions, { version: catalogueVersion, effectiveFrom, at }] },
        elements,
      );
    }
    case 'matter.suspended':
    case 'matter.retired': {
      const status = event.type === 'matter.suspended' ? 'suspended' : 'retired';
      const { reason, effectiveFrom } = event.data;
      return { ...next, status, status_reason: reason, status_periods: [...row.status_periods, { status, from: effectiveFrom, reason }] };
    }
    case 'matter.resumed':
      return {
        ...next,
        status: 'published',
        status_reason: null,
        status_periods: [...row.status_periods, { status: 'published', from: event.data.effectiveFrom }],
      };
  }
}
