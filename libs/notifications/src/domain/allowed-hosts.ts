import { DomainError } from '@app/kernel';

/**
 * Which receivers may be subscribed (WEBHOOK_ALLOWED_HOSTS): `*` any host; otherwise host names
 * (`zzd.example.gov.cn`), suffixes (`.zj.gov.cn`: that domain's hosts) or literal addresses
 * (`10.20.0.5`), comma-separated. The dispatcher fetches what administrators subscribe, so a
 * deployment names its receivers and nothing else inside the network can be reached (OWASP API7).
 */
export function parseAllowedHosts(setting: string): readonly string[] {
  return setting
    .split(',')
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ''),
    )
    .filter((entry) => entry !== '');
}

export function hostAllowed(url: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return true; // not a URL: the decider refuses it with its own reason
  }
  return allowed.some((entry) => (entry.startsWith('.') ? host.endsWith(entry) && host.length > entry.length : host === entry));
}

/** 400 naming `url` when its host is not one the deployment allows. */
export function assertHostAllowed(url: string, allowed: readonly string[]): void {
  if (!hostAllowed(url, allowed))
    throw new DomainError('invalid_command', 'url: its host is not among WEBHOOK_ALLOWED_HOSTS', {
      details: [{ field: 'url', message: 'host not allowed for webhooks on this deployment (WEBHOOK_ALLOWED_HOSTS)' }],
    });
}
