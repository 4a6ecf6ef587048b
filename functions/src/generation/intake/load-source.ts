/**
 * Source image intake, first half: inline data URL or SSRF-safe fetch (normalisation follows in
 * `load-references.ts`). The bytes live in memory for the length of one request and are never
 * written anywhere.
 */
import { LIMITS, type ImageSource } from '@mimicit/shared';
import { domainError } from '../../lib/errors.js';
import { safeFetch, type Resolver } from './safe-fetch.js';
import type { AddressPolicy } from './address-policy.js';

export interface IntakeOptions {
  /** Test seams: the fixture server lives on 127.0.0.1, which production refuses. */
  policy?: AddressPolicy;
  resolve?: Resolver;
  fetchTimeoutMs?: number;
}

const DATA_URL = /^data:([a-z0-9.+/-]*)(;[a-z0-9=.-]+)*;base64,/i;

/** Decodes a base64 data URL; the declared type is ignored (magic bytes decide later). */
export function decodeDataUrl(dataUrl: string): Buffer {
  const match = DATA_URL.exec(dataUrl);
  if (!match) {
    throw domainError('invalid-argument', 'image-unreadable', 'The inline image must be a base64 data URL.');
  }
  const payload = dataUrl.slice(match[0].length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) {
    throw domainError('invalid-argument', 'image-unreadable', 'The inline image is not valid base64.');
  }
  if (Math.floor((payload.length * 3) / 4) > LIMITS.maxInlineImageBytes + 2) {
    throw domainError('invalid-argument', 'image-too-large', 'The image is larger than 10 MB.');
  }
  return Buffer.from(payload, 'base64');
}

/** The raw bytes of a source (inline or fetched), not yet trusted. */
export async function readSourceBytes(source: ImageSource, options: IntakeOptions): Promise<Buffer> {
  const bytes =
    'dataUrl' in source
      ? decodeDataUrl(source.dataUrl)
      : (
          await safeFetch(source.url, {
            maxBytes: LIMITS.maxInlineImageBytes,
            policy: options.policy,
            resolve: options.resolve,
            timeoutMs: options.fetchTimeoutMs,
          })
        ).bytes;
  if (bytes.length === 0) {
    throw domainError('invalid-argument', 'image-unreadable', 'The image is empty.');
  }
  return bytes;
}
