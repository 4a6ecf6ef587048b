import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JOBS_PATH, scheduledJobs, type Jobs } from './jobs.js';
import type { Triggers } from './triggers.js';

const runs: unknown[] = [];
let fail = false;
const trigger = Object.assign(() => undefined, {
  run: async (event: unknown) => {
    if (fail) throw new Error('the job failed');
    runs.push(event);
  },
});
let server: Server;
let jobs: Jobs;
let url = '';

beforeAll(async () => {
  const scheduled: Triggers['scheduled'] = new Map([
    ['sweepStuckGenerations', { trigger, schedule: 'every 10 minutes' }],
  ]);
  jobs = scheduledJobs(scheduled, false);
  server = createServer(express().use(jobs.router));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${JOBS_PATH}`;
});
afterAll(async () => {
  jobs.stop();
  await new Promise((r) => server.close(r));
});

it('runs a scheduled function on demand with a scheduler-like event', async () => {
  const res = await fetch(`${url}/sweepStuckGenerations`, { method: 'POST' });
  expect(res.status).toBe(200);
  expect(runs).toEqual([{ jobName: 'local-sweepStuckGenerations', scheduleTime: expect.any(String) }]);
});

it('answers 404 for an unknown job and 500 when the job throws', async () => {
  expect((await fetch(`${url}/nope`, { method: 'POST' })).status).toBe(404);
  fail = true;
  const res = await fetch(`${url}/sweepStuckGenerations`, { method: 'POST' });
  fail = false;
  expect(res.status).toBe(500);
  expect(await res.json()).toEqual({ error: { code: 'internal', message: 'the job failed' } });
});
