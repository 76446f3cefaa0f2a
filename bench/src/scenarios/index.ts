import { bigMinutesScenario } from './big-minutes.js';
import { awarenessScenario, crossInstanceScenario, fanoutScenario } from './fanout.js';
import { handsScenario } from './hands.js';
import { memoryScenario } from './memory.js';
import type { Scenario } from './types.js';

/** Every scenario, in run and report order. */
export const SCENARIOS: ReadonlyArray<Scenario<unknown>> = [
  fanoutScenario,
  awarenessScenario,
  crossInstanceScenario,
  memoryScenario,
  bigMinutesScenario,
  handsScenario,
] as ReadonlyArray<Scenario<unknown>>;
