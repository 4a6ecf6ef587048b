/**
 * SSRF-safe fetch of a source image URL. The host is resolved here (every address checked
 * against the {@link AddressPolicy}); the socket then connects to the address that was checked,
 * through a custom `lookup`, so a second DNS answer cannot rebind the connection to an internal
 * host. Redirects are followed by hand (at most 3), each hop checked again; the body is streamed
 * under a byte cap; one deadline covers the whole chain.
 */
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { domainError } from '../../lib/errors.js';
import {
  isBlockedHostname,
  literalAddress,
  publicAddressPolicy,
  type AddressPolicy,
} from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SafeFetchOptions {
  policy?: AddressPolicy;
  resolve?: Resolver;
  maxBytes: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface FetchedBytes {
  bytes: Buffer;
  /** The content type the server claimed; informational only (magic bytes decide). */
  contentType: string | undefined;
}

const systemResolver: Resolver = async (hostname) => {
  const all = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const notAllowed = (why: string) =>
  domainError('invalid-argument', 'url-not-allowed', `This image address cannot be used: ${why}.`);
const fetchFailed = (why: string) =>
  domainError('unavailable', 'image-fetch-failed', `We could not download the image: ${why}.`);

/** Parses and vets a URL without touching the network. */
export function vetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notAllowed('it is not a valid web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw notAllowed('only http and https work');
  if (url.username || url.password) throw notAllowed('addresses with credentials are refused');
  if (!url.hostname) throw notAllowed('the address has no host');
  if (isBlockedHostname(url.hostname)) throw notAllowed('the host is internal');
  return url;
}

/** Resolves the host and checks every address; returns the one to connect to. */
async function checkedAddress(url: URL, policy: AddressPolicy, resolve: Resolver): Promise<ResolvedAddress> {
  const literal = literalAddress(url.hostname);
  if (literal) {
    if (!policy(literal)) throw notAllowed('the address is not public');
    return { address: literal, family: literal.includes(':') ? 6 : 4 };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(url.hostname);
  } catch {
    throw fetchFailed('the host name does not resolve');
  }
  if (addresses.length === 0) throw fetchFailed('the host name does not resolve');
  // One internal answer taints the name: a later connection could pick it.
  if (addresses.some((a) => !policy(a.address)))
    throw notAllowed('the host resolves to a non-public address');
  return addresses[0] as ResolvedAddress;
}

/** Fetches `raw` under the limits; throws a precise `DomainError` on every refusal. */
export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<FetchedBytes> {
  const policy = options.policy ?? publicAddressPolicy;
  const resolve = options.resolve ?? systemResolver;
  const maxRedirects = options.maxRedirects ?? 3;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let url = vetUrl(raw);
  for (let hop = 0; ; hop++) {
    const target = await checkedAddress(url, policy, resolve);
    if (deadline.aborted) throw fetchFailed('the download took too long');
    const res = await requestOnce(url, target, options.maxBytes, deadline);
    if (res.kind === 'redirect') {
      if (hop >= maxRedirects) throw fetchFailed('too many redirects');
      url = vetUrl(new URL(res.location, url).toString());
      continue;
    }
    return { bytes: res.bytes, contentType: res.contentType };
  }
}

type OnceResult =
  { kind: 'redirect'; location: string } | { kind: 'body'; bytes: Buffer; contentType: string | undefined };

function requestOnce(
  url: URL,
  target: ResolvedAddress,
  maxBytes: number,
  signal: AbortSignal,
): Promise<OnceResult> {
  // Whatever name the socket layer asks for, it gets the address we checked.
  const lookup: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) {
      (cb as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [target]);
    } else cb(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<OnceResult>((resolvePromise, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup,
        signal,
        headers: { accept: 'image/*', 'user-agent': 'MimicitImageFetcher/1.0' },
        // Never let a proxy environment variable reroute the request.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolvePromise({ kind: 'redirect', location: res.headers.location });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          reject(fetchFailed(`the server answered ${status}`));
          return;
        }
        const declared = Number(res.headers['content-length'] ?? '0');
        if (declared > maxBytes) {
          res.destroy();
          reject(domainError('invalid-argument', 'image-too-large', 'The image is larger than 10 MB.'));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            reject(domainError('invalid-argument', 'image-too-large', 'The image is larger than 10 MB.'));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolvePromise({
            kind: 'body',
            bytes: Buffer.concat(chunks),
            contentType: res.headers['content-type'],
          }),
        );
        res.on('error', () => reject(fetchFailed('the connection broke')));
      },
    );
    req.on('error', () =>
      reject(
        signal.aborted ? fetchFailed('the download took too long') : fetchFailed('the server is unreachable'),
      ),
    );
    req.end();
  });
}
