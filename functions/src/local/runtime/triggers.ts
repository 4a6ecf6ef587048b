/**
 * The real trigger objects exported by functions/src/index.ts, sorted the way the Functions
 * emulator sorts them from their `__endpoint`: callables and HTTP functions are served at
 * `/{project}/{region}/{name}`, scheduled functions run on timers.
 */
import type { Request, Response } from 'express';

interface Endpoint {
  region?: string[];
  callableTrigger?: object;
  httpsTrigger?: object;
  scheduleTrigger?: { schedule?: string };
}

type HttpTrigger = ((req: Request, res: Response) => unknown) & { __endpoint?: Endpoint };
type ScheduledTrigger = HttpTrigger & {
  run: (event: { scheduleTime: string; jobName?: string }) => Promise<unknown>;
};

export interface Triggers {
  /** Callables and HTTP functions by name, with their region. */
  http: Map<string, { trigger: HttpTrigger; region: string; kind: 'callable' | 'https' }>;
  scheduled: Map<string, { trigger: ScheduledTrigger; schedule: string }>;
}

/** Sorts the exports of the functions' index module. */
export function sortTriggers(mod: Record<string, unknown>): Triggers {
  const out: Triggers = { http: new Map(), scheduled: new Map() };
  for (const [name, value] of Object.entries(mod)) {
    const endpoint = (value as HttpTrigger | undefined)?.__endpoint;
    if (typeof value !== 'function' || !endpoint) continue;
    const trigger = value as HttpTrigger;
    const region = endpoint.region?.[0] ?? 'us-central1';
    if (endpoint.callableTrigger) out.http.set(name, { trigger, region, kind: 'callable' });
    else if (endpoint.httpsTrigger) out.http.set(name, { trigger, region, kind: 'https' });
    else if (endpoint.scheduleTrigger?.schedule) {
      out.scheduled.set(name, {
        trigger: trigger as ScheduledTrigger,
        schedule: endpoint.scheduleTrigger.schedule,
      });
    }
  }
  return out;
}

/** A Cloud Scheduler schedule as an interval: `every 10 minutes`, `every 2 hours`, `every day 03:00`. */
export function scheduleIntervalMs(schedule: string): number | null {
  const m = /^every (\d+) (minute|hour)s?$/.exec(schedule.trim());
  if (m) return Number(m[1]) * (m[2] === 'hour' ? 3_600_000 : 60_000);
  if (/^every day\b/.test(schedule.trim())) return 24 * 3_600_000;
  return null;
}
