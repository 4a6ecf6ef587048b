/**
 * Paths the router needs in the first bundle. They mirror `CHECKOUT_RETURN_PATHS` and
 * `EXTENSION_CONNECT_PATH` of @mimicit/shared (a test keeps them equal); importing those here
 * would pull every shared schema and zod into the landing page's bundle.
 */
export const CHECKOUT_RETURN_PATHS_LITE = {
  success: '/credits/success',
  cancel: '/credits/cancel',
} as const;

export const EXTENSION_CONNECT_PATH_LITE = '/extension/connect';
