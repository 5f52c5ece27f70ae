/** The region (行政区划) aggregate's messages: stable dotted names, `data` schema version 1, business time `at`. */

/** Names a region, or renames it: the API's `PUT /regions/{code}`. */
export interface PutRegion {
  type: 'region.put';
  data: { code: string; name: string; at: string };
}
export type RegionCommand = PutRegion;

export interface RegionNamed {
  type: 'region.named';
  data: { code: string; name: string; at: string };
}
export interface RegionRenamed {
  type: 'region.renamed';
  data: { code: string; name: string; previousName: string; at: string };
}
export type RegionEvent = RegionNamed | RegionRenamed;

export const REGION_EVENT_TYPES: readonly RegionEvent['type'][] = ['region.named', 'region.renamed'];
