// The service worker's handlers with `chrome` faked at the API boundary.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_ID, onCommand, onContextMenuClick, onExternalMessage } from './router';
import { OPEN_PANEL_COMMAND } from '../lib/commands';
import { SESSION_KEYS } from '../lib/messaging';
import { appOrigins } from '../lib/origins';

const ALLOWED = appOrigins('e2e', undefined);
let session: Record<string, unknown>;
let opened: number[];
let openedWindows: number[];

beforeEach(() => {
  session = {};
  opened = [];
  openedWindows = [];
  vi.stubGlobal('chrome', {
    storage: {
      session: { set: async (items: Record<string, unknown>) => void Object.assign(session, items) },
    },
    sidePanel: {
      open: async ({ tabId, windowId }: { tabId?: number; windowId?: number }) => {
        if (tabId !== undefined) opened.push(tabId);
        if (windowId !== undefined) openedWindows.push(windowId);
      },
    },
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

describe('onCommand', () => {
  it('the keyboard shortcut opens the side panel in the window it was pressed in', async () => {
    expect(await onCommand(OPEN_PANEL_COMMAND, { windowId: 3 })).toBe(true);
    expect(openedWindows).toEqual([3]);
  });

  it('ignores other commands and shortcuts without a window', async () => {
    expect(await onCommand('something-else', { windowId: 3 })).toBe(false);
    expect(await onCommand(OPEN_PANEL_COMMAND, undefined)).toBe(false);
    expect(openedWindows).toEqual([]);
    expect(session).toEqual({});
  });
});
