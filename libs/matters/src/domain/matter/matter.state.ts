import type { MatterElements } from '../matter-elements';
import type { MatterHistory, MatterVersion } from './matter-history';

interface MatterRecord {
  matterId: string;
  code: string;
  /** versions and status periods, for as-of queries */
  history: MatterHistory;
  /** business time of the last event: commands may not go back before it */
  lastAt: string;
}

export interface NoMatter {
  status: 'none';
}

export interface DraftMatter extends MatterRecord {
  status: 'draft';
  elements: MatterElements;
}

export interface PublishedMatter extends MatterRecord {
  status: 'published';
  /** the most recent version (possibly effective only from a later date) */
  latest: MatterVersion;
}

export interface SuspendedMatter extends MatterRecord {
  status: 'suspended';
  latest: MatterVersion;
  reason: string;
}

export interface RetiredMatter extends MatterRecord {
  status: 'retired';
  /** null when a draft was retired without ever being published */
  latest: MatterVersion | null;
  reason: string;
}

export type MatterState = NoMatter | DraftMatter | PublishedMatter | SuspendedMatter | RetiredMatter;

export type MatterStatus = MatterState['status'];

export const initialMatterState = (): MatterState => ({ status: 'none' });
