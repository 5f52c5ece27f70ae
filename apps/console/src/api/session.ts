import { reactive, readonly } from 'vue';
import { ROLES, type Role } from './types';

/** Who is signed in: the bearer token (sessionStorage: gone with the tab) and the claims it carries. */
export interface Claims {
  sub: string;
  roles: Role[];
  departmentId?: string;
  regionCode?: string;
  /** seconds since the epoch */
  exp?: number;
}

const KEY = 'console.token';

/** The claims of a JWT's payload (not verified: the API verifies every request), or null when it is not one. */
export function decodeClaims(token: string): Claims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Partial<Claims>;
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return null;
    const roles = claims.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
    return roles.length > 0 ? { ...claims, sub: claims.sub, roles } : null;
  } catch {
    return null;
  }
}

const state = reactive<{ token: string | null; claims: Claims | null }>({ token: null, claims: null });

function load(): void {
  const token = sessionStorage.getItem(KEY);
  const claims = token ? decodeClaims(token) : null;
  state.token = claims ? token : null;
  state.claims = claims;
}
load();

export const session = readonly(state);

/** Keeps the token for this tab; false when it is not a token with known roles. */
export function signIn(token: string): boolean {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const claims = decodeClaims(trimmed);
  if (!claims) return false;
  sessionStorage.setItem(KEY, trimmed);
  state.token = trimmed;
  state.claims = claims;
  return true;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  state.token = null;
  state.claims = null;
}
