/**
 * Errors of the client data port, shaped like the Firebase SDKs' (a string `code` such as
 * `permission-denied` or `unavailable`), so callers map both adapters' failures the same way.
 */
export class DataError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** Default time a read may take before the view shows an error instead of spinning. */
export const READ_TIMEOUT_MS = 15_000;

/** Rejects with `deadline-exceeded` when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms = READ_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DataError('deadline-exceeded', `No answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
