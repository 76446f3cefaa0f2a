import { z } from 'zod';

/** The fixed set of reactions: quick signals that do not take the floor. */
export const ReactionKindSchema = z.enum(['agree', 'disagree', 'applause', 'slower', 'cant_hear']);
export type ReactionKind = z.infer<typeof ReactionKindSchema>;
export const REACTION_KINDS = ReactionKindSchema.options;

export const ReactionLimits = {
  /** Reactions a person may send per 10 seconds. */
  maxPer10s: 5,
  /** How long clients show a reaction. */
  showMs: 4000,
} as const;

/** Reactions per kind since the meeting's statistics began. */
export const ReactionCountsSchema = z.record(ReactionKindSchema, z.number().int().min(0));
export type ReactionCounts = z.infer<typeof ReactionCountsSchema>;

/** Empty counts, every kind present. */
export function emptyReactionCounts(): Record<ReactionKind, number> {
  return { agree: 0, disagree: 0, applause: 0, slower: 0, cant_hear: 0 };
}
