/**
 * 一件事 bundles in the catalogue: a named set of ≥ 2 published matters (of any departments) that
 * a citizen applies for once. Versioned like matters: each revision is version n+1; the catalogue
 * shows the current version. Type names are stable and dotted; `data` is schema version 1.
 */

/** A member as the bundle records it: the matter, its department and name when the bundle was defined or revised. */
export interface BundleMember {
  matterId: string;
  departmentId: string;
  name: string;
}

/** A member as the handler looked it up for the command: null when no such matter exists. */
export interface MemberLookup {
  matterId: string;
  matter: { departmentId: string; name: string; status: string } | null;
}

export interface DefineBundle {
  type: 'bundle.define';
  data: {
    bundleId: string;
    code: string;
    name: string;
    members: MemberLookup[];
    /** whether another bundle already has `code` (looked up by the handler in `bundle_codes`, as matter codes are) */
    codeTaken: boolean;
    at: string;
  };
}

export interface ReviseBundle {
  type: 'bundle.revise';
  /** `name` omitted keeps the current one; `members` replaces the set whole */
  data: { name?: string; members: MemberLookup[]; at: string };
}

export type BundleCommand = DefineBundle | ReviseBundle;

export interface BundleDefined {
  type: 'bundle.defined';
  data: { bundleId: string; code: string; name: string; version: 1; members: BundleMember[]; at: string };
}

export interface BundleRevised {
  type: 'bundle.revised';
  data: { bundleId: string; name: string; version: number; members: BundleMember[]; at: string };
}

export type BundleEvent = BundleDefined | BundleRevised;

export const BUNDLE_EVENT_TYPES: readonly BundleEvent['type'][] = ['bundle.defined', 'bundle.revised'];

export type BundleState =
  | { status: 'none' }
  | { status: 'defined'; bundleId: string; code: string; name: string; version: number; members: BundleMember[]; lastAt: string };
