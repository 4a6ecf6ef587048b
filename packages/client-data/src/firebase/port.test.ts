// The Firebase adapter's own logic, with the SDK module replaced at its boundary: how it reads
// snapshots (an empty offline cache is "unavailable", never "missing"). The adapter against the
// real Emulator Suite is `firebase.emu.test.ts`.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FirebaseApp } from 'firebase/app';

type Listener = (snap: unknown) => void;
const listeners: Listener[] = [];
const unsubscribe = vi.fn();

vi.mock('firebase/firestore', () => ({
  getFirestore: () => ({}),
  connectFirestoreEmulator: () => undefined,
  doc: (_db: unknown, path: string) => ({ path, withConverter: () => ({ path }) }),
  onSnapshot: (_ref: unknown, _opts: unknown, next: Listener) => {
    listeners.push(next);
    return unsubscribe;
  },
}));

const { createFirebaseDataPort } = await import('./port.js');
const { collections } = await import('@mimicit/shared');

const snap = (exists: boolean, fromCache: boolean, data: object = {}) => ({
  id: 'doc1',
  exists: () => exists,
  data: () => data,
  metadata: { fromCache },
});

describe('Firebase adapter: watchDoc', () => {
  beforeEach(() => {
    listeners.length = 0;
    unsubscribe.mockClear();
  });

  async function watch() {
    const onData = vi.fn();
    const onError = vi.fn();
    const port = createFirebaseDataPort({ app: {} as FirebaseApp });
    const stop = port.watchDoc(collections.users.doc('u1'), onData, onError);
    await vi.waitFor(() => expect(listeners).toHaveLength(1));
    return { onData, onError, stop, emit: listeners[0]! };
  }

  it('hands over the data with its id', async () => {
    const { onData, emit } = await watch();
    emit(snap(true, false, { credits: 7 }));
    expect(onData).toHaveBeenCalledWith({ credits: 7, id: 'doc1' });
  });

  it('reports a missing document as null only when the server says so', async () => {
    const { onData, onError, emit } = await watch();
    emit(snap(false, true));
    expect(onData).not.toHaveBeenCalled();
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'unavailable' });
    emit(snap(false, false));
    expect(onData).toHaveBeenCalledWith(null);
  });

  it('stops listening when stopped', async () => {
    const { stop } = await watch();
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
