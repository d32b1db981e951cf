import { schemaJson } from '../generated/schema.js';

/** The JSON Schema of a term entry (`terms/schema.json`). */
export const schema: unknown = schemaJson;
