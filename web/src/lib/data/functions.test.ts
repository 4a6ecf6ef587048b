import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AppCheckModule from '../app-check';

const order: string[] = [];
const httpsCallable = vi.fn();

vi.mock('../firebase', () => ({
  app: {},
  usingEmulators: false,
  FUNCTIONS_EMULATOR: new URL('http://127.0.0.1:5001'),
}));
vi.mock('firebase/functions', () => ({
  getFunctions: vi.fn(() => {
    order.push('getFunctions');
    return {};
  }),
  connectFunctionsEmulator: vi.fn(),
  httpsCallable: (...args: unknown[]) => httpsCallable(...args),
}));
vi.mock('../app-check', async (importOriginal) => ({
  ...(await importOriginal<typeof AppCheckModule>()),
  startAppCheck: vi.fn(() => order.push('startAppCheck')),
}));

const { callFunction, LIMITED_USE } = await import('./functions');

/** A callable whose SDK call fails as the App Check SDK fails without a limited-use token. */
function callable(fail: { limitedUse?: unknown; always?: unknown }) {
  httpsCallable.mockImplementation(
    (_fns: unknown, _name: string, opts: { limitedUseAppCheckTokens?: boolean }) =>
      vi.fn(async () => {
        if (fail.always) throw fail.always;
        if (opts.limitedUseAppCheckTokens && fail.limitedUse) throw fail.limitedUse;
        return { data: { ok: true } };
      }),
  );
}
const noToken = Object.assign(
  new Error('AppCheck: Fetch server returned an HTTP error status. HTTP status: 403.'),
  {
    code: 'appCheck/fetch-status-error',
  },
);

describe('callFunction and App Check', () => {
  beforeEach(() => httpsCallable.mockReset());

  it('starts App Check before the Functions instance, so the first call carries a token', async () => {
    callable({});
    await callFunction('getCatalog', {});
    expect(order).toEqual(['startAppCheck', 'getFunctions']);
  });

  it('sends a call without a limited-use token when none can be had; the server decides', async () => {
    callable({ limitedUse: noToken });
    await expect(callFunction('ensureProfile', {}, LIMITED_USE)).resolves.toEqual({ ok: true });
    expect(httpsCallable.mock.calls.map((c) => c[2])).toEqual([
      LIMITED_USE,
      { ...LIMITED_USE, limitedUseAppCheckTokens: false },
    ]);
  });

  it('never repeats a call the server answered, nor one that asked for no limited-use token', async () => {
    const refused = Object.assign(new Error('refused'), { code: 'functions/unauthenticated' });
    callable({ always: refused });
    await expect(callFunction('ensureProfile', {}, LIMITED_USE)).rejects.toBe(refused);
    callable({ always: noToken });
    await expect(callFunction('getCatalog', {})).rejects.toBe(noToken);
    expect(httpsCallable).toHaveBeenCalledTimes(2);
  });
});
