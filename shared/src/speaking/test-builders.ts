import type { SpeakingActor, SpeakingCommand, SpeakingResult } from './commands.js';
import { applySpeakingCommand } from './apply.js';
import type { SpeakingState } from './state.js';

/** Builds an actor for core tests: `side` also names the delegation. */
export function buildSpeakingActor(
  personId: string,
  role: SpeakingActor['role'] = 'participant',
  side: string | null = 'Japan',
  category: SpeakingActor['category'] = 'government',
): SpeakingActor {
  return {
    personId,
    name: `Name of ${personId}`,
    delegationId: side === null ? null : `${side}-${category ?? 'none'}`,
    side,
    category,
    role,
  };
}

/** Applies a command that must be accepted; throws with the refusal otherwise. */
export function mustApply(
  state: SpeakingState,
  command: SpeakingCommand,
  actor: SpeakingActor,
  now: number,
): Extract<SpeakingResult, { state: SpeakingState }> {
  const result = applySpeakingCommand(state, command, actor, now);
  if ('error' in result) throw new Error(`${command.type} refused: ${result.error.code}`);
  return result;
}
