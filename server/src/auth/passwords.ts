import crypto from 'node:crypto';
import argon2 from 'argon2';

/** Hashes a password with argon2id (the library's defaults: 64 MiB, 3 passes, 4 lanes). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// Computed once, lazily: verifying against it costs what a real verification costs.
let dummyHash: Promise<string> | null = null;

/**
 * Checks `password` against a stored hash. A missing hash (unknown email, or a person who signs in
 * by invitation only) is verified against a dummy hash first, so that answering "no" takes as long
 * as a wrong password and response times do not reveal which emails exist.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword(crypto.randomBytes(32).toString('base64url'));
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(storedHash, password);
  } catch {
    // A malformed stored hash cannot match anything.
    return false;
  }
}
