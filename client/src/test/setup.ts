import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../i18n';

// Two shared cores make jsdom slow; waiting longer only costs time when a test would fail anyway.
configure({ asyncUtilTimeout: 5000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
