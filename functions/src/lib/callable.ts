/**
 * One way to define a callable: auth check → App Check (where the callable asks for it) →
 * schema validation → handler → errors mapped to `HttpsError`, with an access-log entry per
 * call. Handlers stay thin and testable: tests call the exported plain handler (`handleX`)
 * directly.
 */
import { onCall, type CallableOptions, type CallableRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import type { ZodType } from 'zod';
import { getDeps, type Deps } from './deps.js';
import { accessLogEntry, requestMeta, writeAccessLog, type RequestMeta } from './access-log.js';
import { parseInput, requireUid, toHttpsError } from './errors.js';
import { assertAppCheck, type AppCheckPolicy } from './app-check.js';

export interface CallContext<Req> {
  uid: string;
  data: Req;
  deps: Deps;
  meta: RequestMeta;
  /** The caller's ID token claims (email, name, picture…). */
  token: Record<string, unknown>;
  request: CallableRequest<unknown>;
}

/** A plain handler, carrying the App Check policy its trigger needs (see {@link defineCallable}). */
export type CallableHandler<Res> = ((request: CallableRequest<unknown>) => Promise<Res>) & {
  readonly appCheck: AppCheckPolicy;
};

export interface CallableHandlerOptions {
  /** App Check for this callable (lib/app-check.ts); `open` when omitted. */
  appCheck?: AppCheckPolicy;
}

export function callableHandler<Req, Res>(
  operation: string,
  schema: ZodType<Req>,
  handler: (ctx: CallContext<Req>) => Promise<Res>,
  { appCheck = 'open' }: CallableHandlerOptions = {},
): CallableHandler<Res> {
  const run = async (request: CallableRequest<unknown>): Promise<Res> => {
    const deps = await getDeps();
    const meta = requestMeta(request.rawRequest as never);
    const uid = request.auth?.uid ?? null;
    // Logged before validation so refused calls are on record too; a logging failure never
    // fails the call.
    await writeAccessLog(deps.store, accessLogEntry(uid, operation, meta, deps.clock.now())).catch(
      (err: unknown) => logger.warn('accessLog.writeFailed', { operation, error: String(err) }),
    );
    try {
      const signedIn = requireUid(request.auth);
      assertAppCheck(request, appCheck, operation, signedIn);
      const data = parseInput(schema, request.data ?? undefined);
      return await handler({
        uid: signedIn,
        data,
        deps,
        meta,
        token: (request.auth?.token ?? {}) as Record<string, unknown>,
        request,
      });
    } catch (err) {
      const mapped = toHttpsError(err);
      if (mapped.code === 'internal')
        logger.error('callable.failed', { operation, error: errorSummary(err) });
      throw mapped;
    }
  };
  return Object.assign(run, { appCheck });
}

/**
 * `onCall` with the options every Mimicit callable shares. A `consume` handler gets
 * `consumeAppCheckToken`, so firebase-functions asks the App Check API whether the token was
 * used before (`request.app.alreadyConsumed`). `enforceAppCheck` stays off: {@link assertAppCheck}
 * enforces instead, with a reason the client can explain.
 */
export function defineCallable<Res>(options: CallableOptions, handler: CallableHandler<Res>) {
  return onCall({ cors: true, ...options, consumeAppCheckToken: handler.appCheck === 'consume' }, handler);
}

function errorSummary(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 500) : 'non-error thrown';
}
