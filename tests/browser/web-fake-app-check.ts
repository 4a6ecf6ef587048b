// The App Check token exchange is a Google endpoint (content-firebaseappcheck.googleapis.com);
// this machine has no internet, and tests must not depend on Google. The web app's e2e build
// runs App Check in debug mode (the debug provider), so the browser tests route its
// `:exchangeDebugToken` calls to this local fake, which answers as the exchange does: an App
// Check token (a JWT naming the app; unsigned — local backends decode App Check tokens as the
// Functions emulator does, without verifying a signature) and its time to live. Test double at
// the network edge only; it records what it was asked and what it issued.
import type { BrowserContext } from 'playwright-core';

export interface ExchangeCall {
  appId: string;
  debugToken: string;
  limitedUse: boolean;
  /** The App Check token it answered with; null when it answered with an error. */
  issued: string | null;
}

export interface FakeAppCheckExchange {
  readonly calls: ExchangeCall[];
  /** `false`: answer 403 as the exchange does for an unregistered debug token. */
  accept: boolean;
}

const EXCHANGE =
  /^https:\/\/content-firebaseappcheck\.googleapis\.com\/v1\/projects\/([^/]+)\/apps\/([^/:]+):(\w+)/;
const installed = new WeakMap<BrowserContext, FakeAppCheckExchange>();

function unsignedToken(appId: string, limitedUse: boolean, n: number): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const ttl = limitedUse ? 300 : 3600;
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: appId, iat: now, exp: now + ttl, jti: `fake-${n}` })}.`;
}

/** Routes `context`'s App Check exchange to the fake (once per context; later calls return it). */
export async function fakeAppCheckExchange(context: BrowserContext): Promise<FakeAppCheckExchange> {
  const existing = installed.get(context);
  if (existing) return existing;
  const fake: FakeAppCheckExchange = { calls: [], accept: true };
  installed.set(context, fake);
  await context.route(/^https:\/\/content-firebaseappcheck\.googleapis\.com\//, (route) => {
    const match = EXCHANGE.exec(route.request().url());
    const body = (route.request().postDataJSON() ?? {}) as { debug_token?: string; limited_use?: boolean };
    if (!match || match[3] !== 'exchangeDebugToken' || !body.debug_token) {
      return route.fulfill({ status: 400, contentType: 'application/json', body: '{"error":{"code":400}}' });
    }
    const call: ExchangeCall = {
      appId: decodeURIComponent(match[2]!),
      debugToken: body.debug_token,
      limitedUse: body.limited_use === true,
      issued: null,
    };
    fake.calls.push(call);
    if (!fake.accept) {
      return route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":{"code":403}}' });
    }
    call.issued = unsignedToken(call.appId, call.limitedUse, fake.calls.length);
    const ttl = call.limitedUse ? '300s' : '3600s';
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ token: call.issued, ttl }),
    });
  });
  return fake;
}
