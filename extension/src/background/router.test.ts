// The service worker's handlers with `chrome` faked at the API boundary.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_ID, onContextMenuClick, onExternalMessage } from './router';
import { SESSION_KEYS } from '../lib/messaging';
import { appOrigins } from '../lib/origins';

const ALLOWED = appOrigins('e2e', undefined);
let session: Record<string, unknown>;
let opened: number[];

beforeEach(() => {
  session = {};
  opened = [];
  vi.stubGlobal('chrome', {
    storage: {
      session: { set: async (items: Record<string, unknown>) => void Object.assign(session, items) },
    },
    sidePanel: { open: async ({ tabId }: { tabId: number }) => void opened.push(tabId) },
  });
});

describe('onExternalMessage', () => {
  it('stores a token from the app origin for the side panel', async () => {
    const token = 't'.repeat(30);
    const reply = await onExternalMessage(
      { type: 'auth/token', token },
      { origin: 'http://localhost:5173' },
      ALLOWED,
    );
    expect(reply).toEqual({ ok: true });
    expect(session[SESSION_KEYS.auth]).toMatchObject({ kind: 'token', token });
  });

  it('stores nothing from another origin or for an invalid message', async () => {
    expect(
      await onExternalMessage({ type: 'auth/signed-out' }, { origin: 'http://localhost:5174' }, ALLOWED),
    ).toEqual({
      ok: false,
      error: 'origin-not-allowed',
    });
    expect(
      await onExternalMessage({ type: 'auth/nope' }, { origin: 'http://localhost:5173' }, ALLOWED),
    ).toEqual({
      ok: false,
      error: 'invalid-message',
    });
    expect(session).toEqual({});
  });
});

describe('onContextMenuClick', () => {
  it('opens the panel on the tab and leaves the image as the pending selection', async () => {
    const handled = await onContextMenuClick(
      { menuItemId: MENU_ID, srcUrl: 'https://a.test/cat.jpg' },
      { id: 7, windowId: 1 },
    );
    expect(handled).toBe(true);
    expect(opened).toEqual([7]);
    expect(session[SESSION_KEYS.selection]).toMatchObject({ srcUrl: 'https://a.test/cat.jpg', tabId: 7 });
  });

  it('ignores other menu items, clicks without an image and unusable URLs', async () => {
    expect(
      await onContextMenuClick(
        { menuItemId: 'other', srcUrl: 'https://a.test/x.jpg' },
        { id: 7, windowId: 1 },
      ),
    ).toBe(false);
    expect(await onContextMenuClick({ menuItemId: MENU_ID }, { id: 7, windowId: 1 })).toBe(false);
    expect(
      await onContextMenuClick({ menuItemId: MENU_ID, srcUrl: 'chrome://favicon/x' }, { id: 7, windowId: 1 }),
    ).toBe(false);
    expect(session).toEqual({});
  });
});
