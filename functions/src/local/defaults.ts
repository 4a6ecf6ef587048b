/** Defaults of local mode shared by the backend's entry point and the scripts that start it. */
export const LOCAL_PROJECT_ID = 'demo-mimicit';
/**
 * The Functions emulator's port: the backend serves callables in the emulator's URL shape, so
 * the Firebase SDK's `connectFunctionsEmulator` reaches either one unchanged.
 */
export const DEFAULT_LOCAL_PORT = 5001;
