/**
 * Scheduled functions in local mode: each runs on a timer at its schedule's interval (a day's
 * job also once at start, so a machine that is off at 03:00 still purges), and on demand through
 * `POST /local/v1/jobs/{name}` so tests and people can run the sweeper or the purge now.
 */
import { Router } from 'express';
import { scheduleIntervalMs, type Triggers } from './triggers.js';

export const JOBS_PATH = '/local/v1/jobs';

export interface Jobs {
  router: Router;
  stop(): void;
}

/** `timers: false` leaves the jobs to the HTTP route (tests run them when they choose). */
export function scheduledJobs(scheduled: Triggers['scheduled'], timers = true): Jobs {
  const handles: NodeJS.Timeout[] = [];
  const run = async (name: string) => {
    const job = scheduled.get(name)!;
    const started = Date.now();
    await job.trigger.run({ jobName: `local-${name}`, scheduleTime: new Date().toISOString() });
    console.info(`[jobs] ${name} finished in ${Date.now() - started} ms`);
  };
  const runLogged = (name: string) =>
    run(name).catch((err: unknown) =>
      console.error(`[jobs] ${name} failed:`, err instanceof Error ? err.message : err),
    );

  for (const [name, { schedule }] of timers ? scheduled : new Map()) {
    const every = scheduleIntervalMs(schedule);
    if (every === null) {
      console.warn(
        `[jobs] ${name}: schedule "${schedule}" is not understood here; run it with POST ${JOBS_PATH}/${name}`,
      );
      continue;
    }
    const timer = setInterval(() => void runLogged(name), every);
    timer.unref();
    handles.push(timer);
    if (every >= 24 * 3_600_000) {
      const first = setTimeout(() => void runLogged(name), 5_000);
      first.unref();
      handles.push(first);
    }
  }

  const router = Router();
  router.post(`${JOBS_PATH}/:name`, async (req, res) => {
    const name = req.params.name;
    if (!scheduled.has(name)) {
      res.status(404).json({ error: { code: 'not-found', message: `No scheduled function ${name}.` } });
      return;
    }
    try {
      await run(name);
      res.json({ ok: true, name });
    } catch (err) {
      res
        .status(500)
        .json({ error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } });
    }
  });
  return { router, stop: () => handles.forEach((t) => clearTimeout(t)) };
}
