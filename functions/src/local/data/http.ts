/** Answers of the local data API: JSON with wire-encoded values, errors as `{ error: { code, message } }`. */
import type { Response } from 'express';
import { encodeWire } from '@mimicit/client-data/wire';
import { UnauthenticatedError } from './caller.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const denied = () =>
  new ApiError(
    403,
    'permission-denied',
    'Missing or insufficient permissions (the security rules refuse this).',
  );

export function sendJson(res: Response, body: unknown, status = 200): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify(encodeWire(body)));
}

/** Sends `err` as the API's error shape; anything unexpected is a 500 without internals. */
export function sendError(res: Response, err: unknown): void {
  if (err instanceof ApiError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message } });
  } else if (err instanceof UnauthenticatedError) {
    res.status(401).json({ error: { code: 'unauthenticated', message: err.message } });
  } else {
    console.error('local data API failed', err);
    res.status(500).json({ error: { code: 'internal', message: 'The local backend failed; see its log.' } });
  }
}
