// getCatalog's answer as the runtime catalog serves it after an operator switched a model off
// and a provider retired one: the real emulator answer, rewritten at the network boundary, so
// the browser tests can show greyed-out models without an operator document in this tier.
import type { Page } from 'playwright-core';

export const CATALOG_ROUTE = '**/getCatalog';

/** Serves `page` a catalog where GPT Image 2 is retired and FLUX.2 is switched off. */
export async function greyOutModels(page: Page): Promise<void> {
  await page.route(CATALOG_ROUTE, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { result: { models: Record<string, unknown>[] } };
    for (const m of body.result.models) {
      if (m.id === 'gpt-image') Object.assign(m, { available: false, unavailableReason: 'retired' });
      if (m.id === 'flux-2') Object.assign(m, { available: false, unavailableReason: 'disabled' });
    }
    await route.fulfill({ response, json: body });
  });
}
