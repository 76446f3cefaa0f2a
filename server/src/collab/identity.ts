import crypto from 'node:crypto';

/** Cursor colours readable on a white page, distinct enough side by side. */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#bcbd22',
  '#393b79',
  '#637939',
  '#843c39',
] as const;

/** A person's cursor colour: stable across sessions, devices and instances. */
export function colorFor(personId: string): string {
  const digest = crypto.createHash('sha256').update(personId).digest();
  return PALETTE[digest.readUInt32BE(0) % PALETTE.length] ?? PALETTE[0];
}
