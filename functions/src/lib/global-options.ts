// The options entry, not 'firebase-functions/v2': that index loads every trigger provider (~0.7 s).
import { setGlobalOptions } from 'firebase-functions/v2/options';
import { FUNCTIONS_REGION } from '@mimicit/shared';

// Imported first by index.ts: ES modules evaluate imports before the importing module's body,
// so options set anywhere later would miss the triggers defined during import.
setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 20 });
