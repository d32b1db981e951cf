export { activate, deactivate, languages } from './lib/extension.js';
