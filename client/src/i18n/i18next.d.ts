import 'i18next';
import type en from './en.json';

// Typed keys: a misspelt or missing key fails `tsc`, and `en.json` is the source of truth.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
