/**
 * Live reads for the local data API, as server-sent events: a document or a small query is sent
 * when the stream opens and again after every commit that touches it (and only when it changed).
 */
import type { Request, Response } from 'express';
import type { FileStore } from '../store/file-store.js';
import { encodeWire } from '@mimicit/client-data/wire';

/** Heartbeat comment, so proxies and the client notice a dead connection. */
const PING_MS = 15_000;

/** Every open stream, woken by the store's commits. */
export class WatchHub {
  private readonly watchers = new Set<{ wants: (paths: readonly string[]) => boolean; wake: () => void }>();

  constructor(store: FileStore) {
    store.onCommit((paths) => {
      for (const w of this.watchers) if (w.wants(paths)) w.wake();
    });
  }

  /**
   * Streams `read()` to `res` now and after each commit `wants` accepts, until the client goes.
   * Reads are serialised per stream and coalesced, so a burst of commits costs one read.
   */
  stream(
    req: Request,
    res: Response,
    wants: (paths: readonly string[]) => boolean,
    read: () => Promise<unknown>,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    let last = '';
    let running = false;
    let again = false;
    let open = true;
    const send = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const payload = JSON.stringify(encodeWire(await read()));
          if (open && payload !== last) {
            last = payload;
            res.write(`data: ${payload}\n\n`);
          }
        } while (again && open);
      } catch (err) {
        console.error('local data API: a live read failed', err);
        res.end();
      } finally {
        running = false;
      }
    };
    const watcher = { wants, wake: () => void send() };
    this.watchers.add(watcher);
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    res.on('close', () => {
      open = false;
      clearInterval(ping);
      this.watchers.delete(watcher);
    });
    void send();
  }

  /** Open streams (tests and the health answer). */
  get size(): number {
    return this.watchers.size;
  }
}
