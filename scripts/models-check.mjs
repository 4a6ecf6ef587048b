// `npm run models:check`: asks each provider's list-models API about the catalog's models and
// prints what is missing or announced deprecated (functions/src/models/cli.ts).
import { importTs } from './lib/run-ts.mjs';

await importTs('functions/src/models/cli.ts');
