/**
 * Which Chrome extensions the web app may hand a sign-in token to, and which ones it has
 * connected (kept in localStorage, never a cookie: PRODUCT.md allows only the language cookie).
 *
 * Allowed ids come from `VITE_EXTENSION_IDS` (comma-separated). When that is empty in a dev or
 * e2e build (unpacked extensions get a fresh id per profile), any well-formed id is accepted;
 * a production build with an empty list accepts none.
 */
const STORAGE_KEY = 'mimicit-extension-ids';
const EXTENSION_ID = /^[a-p]{32}$/;

export function configuredExtensionIds(raw = import.meta.env.VITE_EXTENSION_IDS ?? ''): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** True when the page may send tokens to extension `id`. */
export function isAllowedExtensionId(
  id: string,
  configured: readonly string[] = configuredExtensionIds(),
  devBuild: boolean = import.meta.env.DEV || import.meta.env.MODE === 'e2e',
): boolean {
  if (!EXTENSION_ID.test(id)) return false;
  if (configured.length > 0) return configured.includes(id);
  return devBuild;
}

/** Extensions this browser connected before (they get sign-out and credit updates). */
export function knownExtensionIds(storage: Storage = localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((x): x is string => typeof x === 'string' && isAllowedExtensionId(x))
      : [];
  } catch {
    return [];
  }
}

export function rememberExtensionId(id: string, storage: Storage = localStorage): void {
  const ids = new Set(knownExtensionIds(storage));
  ids.add(id);
  storage.setItem(STORAGE_KEY, JSON.stringify([...ids]));
}
