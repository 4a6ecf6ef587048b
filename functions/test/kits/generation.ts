/**
 * Test-only helpers: images made on the fly with sharp, a tiny local HTTP server, and a user
 * with credits. Never imported by production code.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import {
  collections,
  type AspectRatio,
  type ModelInfo,
  type ReferenceRole,
  type Resolution,
} from '@mimicit/shared';
import { applyCreditChange } from '../../src/credits/ledger.js';
import type { Deps } from '../../src/lib/deps.js';
import { pixelSize } from '../../src/generation/providers/sizes.js';
import type { ImageBytes, ImageInput } from '../../src/generation/providers/types.js';

export async function jpeg(width = 64, height = 48, color = { r: 200, g: 60, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

export async function png(width = 64, height = 64, alpha = false): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: alpha ? 4 : 3, background: { r: 30, g: 90, b: 200, alpha: 0.5 } },
  })
    .png()
    .toBuffer();
}

const LONG_SIDE: Record<Resolution, number> = { '1k': 1024, '2k': 2048, '4k': 4096 };
const sized = new Map<string, Promise<Buffer>>();

/**
 * A JPEG of the size a provider returns for `aspectRatio` at `resolution` (long side 1024, 2048
 * or 4096, as FLUX.2 sizes them), made once per size: the pipeline checks real dimensions.
 */
export function sizedJpeg(aspectRatio: AspectRatio = '1:1', resolution: Resolution = '1k'): Promise<Buffer> {
  const key = `${aspectRatio}@${resolution}`;
  let made = sized.get(key);
  if (!made) {
    const { width, height } = pixelSize(aspectRatio, LONG_SIDE[resolution], 'long');
    made = jpeg(width, height);
    sized.set(key, made);
  }
  return made;
}

/** What a well-behaved provider answers: `count` images of the requested ratio and tier. */
export async function providerImages(_model: ModelInfo, input: ImageInput): Promise<ImageBytes[]> {
  const bytes = await sizedJpeg(input.aspectRatio, input.resolution);
  return Array.from({ length: input.count }, () => ({ bytes }));
}

/** The same normalised image as several references, one per role (`undefined`: a plain one). */
export function withRoles<T extends object>(image: T, roles: readonly (ReferenceRole | undefined)[]) {
  return roles.map((role) => (role ? { ...image, role } : image));
}

export const dataUrl = (bytes: Buffer, type = 'image/jpeg') =>
  `data:${type};base64,${bytes.toString('base64')}`;

export async function giveCredits(deps: Deps, uid: string, amount: number): Promise<void> {
  await applyCreditChange(
    deps.store,
    uid,
    { entryId: `purchase-test-${amount}`, delta: amount, reason: 'purchase', ref: 'test' },
    deps.clock.now(),
  );
}

export async function balance(deps: Deps, uid: string): Promise<number> {
  const snap = await deps.store.get(collections.users.doc(uid));
  return snap.data?.credits ?? 0;
}

export type Handler = (
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
) => void | Promise<void>;

export interface TestServer {
  url: string;
  port: number;
  requests: { method: string; path: string; body: Buffer; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 with a random port. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', path: req.url ?? '', body, headers: req.headers });
      Promise.resolve(handler(req, body, res)).catch(() => {
        res.statusCode = 599;
        res.end();
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
