/**
 * Test support for browser journeys (`--image-host NAME`): image addresses on the host NAME are
 * fetched from this machine, so a journey can add a reference "from the web" with no network.
 * Only that name resolves to 127.0.0.1; every other host goes through the system resolver and
 * the public-address policy unchanged. Never set by `npm run dev`; local mode only.
 */
import dns from 'node:dns';
import { publicAddressPolicy } from '../../generation/intake/address-policy.js';
import type { PipelineOptions } from '../../generation/options.js';

const LOOPBACK = '127.0.0.1';

export function imageHostIntake(host: string): PipelineOptions['intake'] {
  const name = host.toLowerCase();
  return {
    resolve: async (hostname) => {
      if (hostname.toLowerCase() === name) return [{ address: LOOPBACK, family: 4 }];
      const all = await dns.promises.lookup(hostname, { all: true, verbatim: true });
      return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
    },
    // The loopback address is what the test host resolves to; everything else stays public-only.
    policy: (address) => address === LOOPBACK || publicAddressPolicy(address),
  };
}
