import type { Reader } from './reader.js';
import { parseText } from './text.js';

export const readText: Reader = (value, context) =>
  parseText(value, context.fastPath, context.mayMatch);
