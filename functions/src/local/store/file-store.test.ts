import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../../test/contracts/store.js';
import type { Store } from '../../lib/store/types.js';
import { FileStore } from './file-store.js';

const dirs: string[] = [];
const open: FileStore[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimicit-store-'));
  dirs.push(dir);
  return dir;
}
async function fresh(dir = tempDir()): Promise<FileStore> {
  const store = await FileStore.open(dir);
  open.push(store);
  return store;
}
afterAll(async () => {
  for (const s of open) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes through one store; every read comes from a fresh load of the folder. */
function readingFromDisk(dir: string, writer: FileStore): Store {
  const reader = () => FileStore.read(dir);
  return {
    newId: () => writer.newId(),
    get: async (path) => (await reader()).get(path),
    getAll: async (paths) => (await reader()).getAll(paths),
    query: async (spec) => (await reader()).query(spec),
    runTransaction: (fn) => writer.runTransaction(fn),
    batch: (ops) => writer.batch(ops),
    bulkWrite: (ops) => writer.bulkWrite(ops),
    deleteRecursive: (path) => writer.deleteRecursive(path),
  };
}

storeContract('FileStore', () => fresh());
storeContract('FileStore, every read from a reload of its folder', async () => {
  const dir = tempDir();
  return readingFromDisk(dir, await fresh(dir));
});

describe('FileStore specifics', () => {
  it('keeps everything across close and reopen, Dates and `$` keys included', async () => {
    const dir = tempDir();
    const first = await FileStore.open(dir);
    const when = new Date('2026-02-03T04:05:06.789Z');
    await first.batch([{ kind: 'set', path: 'things/t1', data: { when, $date: 'not a date', n: 1 } }]);
    await first.runTransaction(async (tx) => {
      await tx.get('things/t1');
      tx.update('things/t1', { n: 2 });
      tx.create('things/t1/parts/p1', { at: when });
    });
    await first.close();
    const second = await fresh(dir);
    expect((await second.get('things/t1')).data).toEqual({ when, $date: 'not a date', n: 2 });
    expect((await second.get('things/t1/parts/p1')).data?.at).toEqual(when);
  });

  it('journals every commit before the next one, so a killed process loses nothing', async () => {
    const dir = tempDir();
    const store = await fresh(dir);
    await store.batch([{ kind: 'set', path: 'a/1', data: { v: 1 } }]);
    await store.deleteRecursive('a/1');
    await store.batch([{ kind: 'set', path: 'a/2', data: { v: 2 } }]);
    // No close(): read the folder as a restarted process would.
    const reloaded = await FileStore.read(dir);
    expect(reloaded.paths()).toEqual(['a/2']);
  });

  it('ignores a torn last journal line (a commit cut off mid-write)', async () => {
    const dir = tempDir();
    const store = await fresh(dir);
    await store.batch([{ kind: 'set', path: 'a/1', data: { v: 1 } }]);
    appendFileSync(join(dir, 'journal.jsonl'), '{"ops":[{"kind":"set","path":"a/2","da');
    expect((await FileStore.read(dir)).paths()).toEqual(['a/1']);
  });

  it('refuses a second backend on the same folder', async () => {
    const dir = tempDir();
    await fresh(dir);
    await expect(FileStore.open(dir)).rejects.toThrow(/in use by process/);
  });

  it('compacts the journal into the snapshot when it opens', async () => {
    const dir = tempDir();
    const first = await FileStore.open(dir);
    await first.batch([{ kind: 'set', path: 'a/1', data: { v: 1 } }]);
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).not.toBe('');
    await first.close();
    await fresh(dir);
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')).docs).toEqual({ 'a/1': { v: 1 } });
  });

  it('tells listeners which documents each commit touched', async () => {
    const store = await fresh();
    const seen: string[][] = [];
    const stop = store.onCommit((paths) => seen.push([...paths]));
    await store.batch([
      { kind: 'set', path: 'a/1', data: {} },
      { kind: 'set', path: 'a/2', data: {} },
    ]);
    await store.runTransaction(async () => undefined);
    stop();
    await store.batch([{ kind: 'delete', path: 'a/1' }]);
    expect(seen).toEqual([['a/1', 'a/2']]);
  });

  it('pages exactly with a cursor of orderBy values then the path (ties at a boundary)', async () => {
    const store = await fresh();
    const t = new Date('2026-01-01T00:00:00Z');
    await store.batch(['x', 'y', 'z'].map((id) => ({ kind: 'set' as const, path: `c/${id}`, data: { t } })));
    const after = await store.query({ collection: 'c', orderBy: [['t', 'desc']], startAfter: [t, 'c/y'] });
    expect(after.map((s) => s.id)).toEqual(['x']);
  });
});
