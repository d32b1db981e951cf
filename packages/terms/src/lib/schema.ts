import { schemaJson } from '../generated/schema.js';
import { deepFreeze } from './freeze.js';

/** The JSON Schema of a term entry (`terms/schema.json`), deeply frozen. */
export const schema: unknown = deepFreeze(schemaJson);
