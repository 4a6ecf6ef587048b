/**
 * The local backend: the whole server side of Mimicit in one process for local mode. It imports
 * the real trigger objects of functions/src/index.ts and serves them as the Functions emulator
 * does; every callable, the Stripe webhook and the scheduled jobs share one persisted store and
 * one blob store (set through the same dependency hook tests use); and it serves the client data
 * API (reads under the rules), a minimal local Stripe API, the test checkout page and signed
 * download links. Imported only by `main.ts`, after the emulator environment is set.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import Stripe from 'stripe';
import { declaredParams } from 'firebase-functions/params';
import { FUNCTIONS_REGION } from '@mimicit/shared';
import { setDeps } from '../lib/deps.js';
import { setStripeClient } from '../billing/stripe-client.js';
import { setPipelineOptions } from '../generation/options.js';
import { FileStore } from './store/file-store.js';
import { FileBlobStore } from './store/file-blobs.js';
import { emulatorTokenVerifier, type TokenVerifier } from './data/caller.js';
import { dataApi } from './data/routes.js';
import { blobLinks } from './data/signed.js';
import { applyParamDefaults, localSecrets } from './runtime/config.js';
import { functionsRoute } from './runtime/functions-route.js';
import { imageHostIntake } from './runtime/image-host.js';
import { scheduledJobs } from './runtime/jobs.js';
import { sortTriggers } from './runtime/triggers.js';
import { localStripeApi } from './stripe/api.js';
import { localCheckout } from './stripe/checkout.js';

export interface LocalBackendOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  projectId: string;
  /** Where the store, blobs, local Stripe state and local secrets live. */
  dataDir: string;
  /** Run scheduled jobs on timers (off in tests, which run them on demand). */
  timers: boolean;
  verify?: TokenVerifier;
  /** Browser journeys only: image addresses on this host name are fetched from this machine. */
  imageHost?: string;
}

export interface LocalBackend {
  url: string;
  store: FileStore;
  close(): Promise<void>;
}

export async function startLocalBackend(options: LocalBackendOptions): Promise<LocalBackend> {
  const secrets = localSecrets(options.dataDir);
  const triggers = sortTriggers((await import('../index.js')) as Record<string, unknown>);
  applyParamDefaults(declaredParams);

  const store = await FileStore.open(join(options.dataDir, 'store'));
  const stripeState = await FileStore.open(join(options.dataDir, 'stripe'));
  let origin = '';
  const links = blobLinks(secrets.BLOB_SIGNING_KEY, () => origin);
  const blobs = new FileBlobStore(join(options.dataDir, 'blobs'), links.sign);
  setDeps({ store, blobs });
  if (options.imageHost) setPipelineOptions({ intake: imageHostIntake(options.imageHost) });

  const jobs = scheduledJobs(triggers.scheduled, options.timers);
  const app = express();
  app.enable('trust proxy');
  app.disable('x-powered-by');
  app.use(dataApi({ store, blobs, verify: options.verify ?? emulatorTokenVerifier(options.projectId) }));
  app.use(links.router(blobs));
  app.use(jobs.router);
  app.use(localStripeApi(stripeState, () => origin, secrets.STRIPE_SECRET_KEY));
  app.use(
    localCheckout({
      store: stripeState,
      webhookSecret: secrets.STRIPE_WEBHOOK_SECRET,
      webhookUrl: () => `${origin}/${options.projectId}/${FUNCTIONS_REGION}/stripeWebhook`,
    }),
  );
  app.use(functionsRoute(options.projectId, triggers.http));

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${options.host}:${port}`;
  // The real SDK, sending its real requests to the local Stripe API of this process.
  setStripeClient(
    new Stripe(secrets.STRIPE_SECRET_KEY, {
      host: options.host,
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
    }),
  );

  return {
    url: origin,
    store,
    async close() {
      jobs.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
      await stripeState.close();
    },
  };
}
