/**
 * Access logs: who called which operation, from where, when. Kept 90 days (TTL on `expireAt`
 * plus the purge job as a backstop). Never page URLs, prompts or images.
 */
import { EXTENSION_VERSION_HEADER, RETENTION, collections, type AccessLogDoc } from '@mimicit/shared';
import type { Store } from './store/types.js';
import { addDays } from './clock.js';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  extensionVersion: string | null;
}

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag | undefined, name: string): string | null {
  const v = headers?.[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s.slice(0, 256) : null;
}

/** Extracts what the access log keeps from a raw HTTP request. */
export function requestMeta(raw: { ip?: string; headers?: HeaderBag } | undefined): RequestMeta {
  const forwarded = header(raw?.headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  const version = header(raw?.headers, EXTENSION_VERSION_HEADER);
  return {
    ip: forwarded || raw?.ip || null,
    userAgent: header(raw?.headers, 'user-agent'),
    extensionVersion: version && /^[0-9A-Za-z.+-]{1,32}$/.test(version) ? version : null,
  };
}

export function accessLogEntry(
  uid: string | null,
  operation: string,
  meta: RequestMeta,
  at: Date,
): AccessLogDoc {
  return {
    uid,
    ip: meta.ip,
    userAgent: meta.userAgent,
    extensionVersion: meta.extensionVersion,
    operation,
    at,
    expireAt: addDays(at, RETENTION.accessLogDays),
  };
}

export async function writeAccessLog(store: Store, entry: AccessLogDoc): Promise<void> {
  await store.batch([{ kind: 'set', path: collections.accessLogs.doc(store.newId()), data: { ...entry } }]);
}
