import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeFanoutMessage, encodeFanoutMessage } from './fanout.js';

describe('fan-out messages', () => {
  const instance = crypto.randomBytes(16);

  it('carry update bytes and the sending instance', () => {
    const updates = [new Uint8Array([1, 2, 3]), new Uint8Array([])];
    expect(decodeFanoutMessage(encodeFanoutMessage(instance, { kind: 'updates', updates }))).toEqual({
      kind: 'updates',
      instanceId: instance.toString('hex'),
      updates,
    });
  });

  it('carry awareness batches', () => {
    const update = new Uint8Array([1, 7, 1, 2, 123, 125]);
    expect(decodeFanoutMessage(encodeFanoutMessage(instance, { kind: 'awareness', update }))).toMatchObject({
      kind: 'awareness',
      update,
    });
  });

  it('decode to null when malformed', () => {
    expect(decodeFanoutMessage(new Uint8Array([0, 1, 2]))).toBeNull();
    expect(decodeFanoutMessage(new Uint8Array([7, ...instance]))).toBeNull();
  });
});
