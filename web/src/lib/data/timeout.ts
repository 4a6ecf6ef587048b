/** Timeouts and the data error shape live in the client data port; re-exported for the views. */
export { DataError, READ_TIMEOUT_MS, withTimeout } from '@mimicit/client-data';
