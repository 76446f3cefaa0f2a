import { rawWsTarget, referenceTarget } from './reference.js';
import { roundtableTarget, roundtableTwoInstancesTarget } from './roundtable.js';
import type { Target } from './types.js';

/** Every target, in report order. */
export const TARGETS: readonly Target[] = [
  referenceTarget,
  rawWsTarget,
  roundtableTarget,
  roundtableTwoInstancesTarget,
];
