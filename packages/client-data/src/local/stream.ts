/**
 * A server-sent event stream read over `fetch` (EventSource cannot send the ID token). The
 * stream reconnects by itself when the local backend restarts; `onError` hears of an outage
 * once (`unavailable`) and of a refusal (401/403), after which it stops.
 */
import { DataError } from '../errors.js';
import type { Unsubscribe } from '../types.js';

export interface StreamRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
}

/** Backoff between reconnects, capped: a restarted backend is back within a second or two. */
const RETRY_MS = [100, 250, 500, 1000, 2000];

/** Splits SSE text into the JSON payloads of its `data:` lines, keeping the unfinished rest. */
export function parseEvents(buffer: string): { events: unknown[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: unknown[] = [];
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (data) events.push(JSON.parse(data));
  }
  return { events, rest };
}

/** Opens `request` as an event stream; `headers` is asked again on every (re)connect. */
export function openStream(
  fetchFn: typeof fetch,
  request: StreamRequest,
  headers: () => Promise<Record<string, string>>,
  onEvent: (payload: unknown) => void,
  onError: (err: DataError) => void,
): Unsubscribe {
  const abort = new AbortController();
  let attempt = 0;
  let reportedOutage = false;

  async function connectOnce(): Promise<'retry' | 'stop'> {
    let res: Response;
    try {
      res = await fetchFn(request.url, {
        method: request.method,
        headers: { accept: 'text/event-stream', ...(await headers()) },
        body: request.body,
        signal: abort.signal,
      });
    } catch {
      return 'retry';
    }
    if (!res.ok || !res.body) {
      const body = (await res.json().catch(() => null)) as {
        error?: { code?: string; message?: string };
      } | null;
      const code = body?.error?.code ?? (res.status >= 500 ? 'unavailable' : 'unknown');
      if (code === 'unavailable') return 'retry';
      onError(new DataError(code, body?.error?.message ?? `HTTP ${res.status}`));
      return 'stop';
    }
    attempt = 0;
    reportedOutage = false;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'retry';
        const parsed = parseEvents(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) onEvent(event);
      }
    } catch {
      return 'retry';
    }
  }

  void (async () => {
    while (!abort.signal.aborted) {
      const outcome = await connectOnce();
      if (outcome === 'stop' || abort.signal.aborted) return;
      if (!reportedOutage && attempt > 0) {
        reportedOutage = true;
        onError(new DataError('unavailable', 'The local backend is unreachable'));
      }
      const wait = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!;
      await new Promise((r) => setTimeout(r, wait));
    }
  })();

  return () => abort.abort();
}
