import fs from 'node:fs/promises';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { BENCH_DIR } from '../machine.js';
import { appendEdit, minutesText } from '../workload.js';

/** Bump when the generator changes, so a stale cache is not reused. */
const GENERATOR_VERSION = 2;
/** Operations per uploaded update: each stays far below the servers' 1 MiB message limit. */
const OPS_PER_CHUNK = 10_000;
/** Minutes have a handful of authors; their inserts interleave. */
const AUTHORS = [101, 202, 303, 404, 505];

export interface BigDoc {
  operations: number;
  /** Updates that together make the document, in order. */
  chunks: Uint8Array[];
  /** Characters in the minutes once every chunk is applied. */
  length: number;
  /** The whole document as one update. */
  encodedBytes: number;
}

/** Mulberry32: a tiny seeded PRNG, so every run and every machine gets the same document. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `operations` one-character inserts at random positions by five authors, each its own
 * transaction, like people typing all over long minutes (≈ 11 bytes per operation encoded, so
 * 100,000 make the ≈ 1.1 MB of the issue). Cached in `bench/.cache/`.
 */
export async function loadBigDoc(operations: number, seed = 1): Promise<BigDoc> {
  const file = path.join(BENCH_DIR, '.cache', `big-minutes-v${GENERATOR_VERSION}-${operations}-${seed}.bin`);
  try {
    return decodeBigDoc(operations, new Uint8Array(await fs.readFile(file)));
  } catch {
    const doc = generate(operations, seed);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, encodeBigDoc(doc));
    return doc;
  }
}

function generate(operations: number, seed: number): BigDoc {
  const random = prng(seed);
  const doc = new Y.Doc();
  doc.clientID = AUTHORS[0] ?? 1;
  appendEdit(doc);
  const text = minutesText(doc);
  if (!text) throw new Error('no minutes text');
  const chunks: Uint8Array[] = [];
  let since: Uint8Array = new Uint8Array([0]);
  for (let op = 1; op < operations; op++) {
    // Yjs takes the client id at each transaction, so switching it interleaves authors.
    doc.clientID = AUTHORS[Math.floor(random() * AUTHORS.length)] ?? 1;
    const char = String.fromCharCode(97 + Math.floor(random() * 26));
    text.insert(Math.floor(random() * (text.length + 1)), char);
    if ((op + 1) % OPS_PER_CHUNK === 0 || op === operations - 1) {
      chunks.push(Y.encodeStateAsUpdate(doc, since));
      since = Y.encodeStateVector(doc);
    }
  }
  return { operations, chunks, length: text.length, encodedBytes: Y.encodeStateAsUpdate(doc).length };
}

function encodeBigDoc(doc: BigDoc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, doc.length);
  encoding.writeVarUint(encoder, doc.encodedBytes);
  encoding.writeVarUint(encoder, doc.chunks.length);
  for (const chunk of doc.chunks) encoding.writeVarUint8Array(encoder, chunk);
  return encoding.toUint8Array(encoder);
}

function decodeBigDoc(operations: number, bytes: Uint8Array): BigDoc {
  const decoder = decoding.createDecoder(bytes);
  const length = decoding.readVarUint(decoder);
  const encodedBytes = decoding.readVarUint(decoder);
  const count = decoding.readVarUint(decoder);
  const chunks = Array.from({ length: count }, () => decoding.readVarUint8Array(decoder));
  return { operations, chunks, length, encodedBytes };
}
