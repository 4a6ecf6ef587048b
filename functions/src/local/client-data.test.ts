// The client data port's contract on the local adapter, against the local backend's real data
// API (store, blob store, rules and token checks) over HTTP. The Firebase adapter runs the same
// suite against the Emulator Suite (packages/client-data/src/firebase.emu.test.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalDataPort } from '@mimicit/client-data/local';
import { clientDataContract } from '@mimicit/client-data/testing';
import { collections } from '@mimicit/shared';
import { emulatorIdToken, serveDataApi, type DataApiServer } from '../../test/kits/local.js';

let api: DataApiServer;
beforeAll(async () => {
  api = await serveDataApi();
});
afterAll(async () => {
  await api?.close();
});

const portFor = (uid: string | null, token = uid && emulatorIdToken(uid)) =>
  createLocalDataPort({ baseUrl: api.url, idToken: async () => token });

clientDataContract('local adapter → local backend', () => ({
  port: async (uid) => portFor(uid),
  set: (path, data) => api.store.batch([{ kind: 'set', path, data }]),
  remove: (path) => api.store.batch([{ kind: 'delete', path }]),
  saveBlob: (path, bytes, type) => api.blobs.save(path, bytes, type),
}));

describe('local adapter specifics', () => {
  it('refuses a token of another project, and a garbled one, as unauthenticated', async () => {
    await api.store.batch([{ kind: 'set', path: collections.users.doc('u-tok'), data: {} }]);
    for (const token of [emulatorIdToken('u-tok', 'another-project'), 'not-a-token']) {
      await expect(portFor('u-tok', token).getDoc(collections.users.doc('u-tok'))).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    }
  });

  it('reports an unreachable backend as unavailable, then recovers a live read by itself', async () => {
    const errors: string[] = [];
    const seen: unknown[] = [];
    const dead = createLocalDataPort({ baseUrl: 'http://127.0.0.1:9', idToken: async () => null });
    await expect(dead.readBlob('users/x/generations/a.png')).rejects.toMatchObject({ code: 'unavailable' });
    const stop = dead.watchDoc(
      collections.users.doc('x'),
      (d) => seen.push(d),
      (e) => errors.push((e as { code: string }).code),
    );
    await vi.waitFor(() => expect(errors).toEqual(['unavailable']), { timeout: 5000 });
    stop();
    expect(seen).toEqual([]);
  });
});
