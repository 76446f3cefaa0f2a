import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from './frames.js';

describe('pre-built binary frames', () => {
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  let socket: Duplex;
  let client: WebSocket;
  const received: Buffer[] = [];

  beforeAll(async () => {
    const accepted = new Promise<void>((resolve) => {
      server.on('upgrade', (req, s, head) => {
        socket = s;
        wss.handleUpgrade(req, s, head, () => resolve());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    client.on('message', (data: Buffer) => received.push(data));
    await accepted;
  });
  afterAll(() => {
    client.terminate();
    server.close();
  });

  it('are read by a standard client at every length encoding', async () => {
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    const payloads = sizes.map((size, i) => Buffer.alloc(size, i + 1));
    for (const payload of payloads) socket.write(binaryFrame(payload));
    await expect.poll(() => received.length).toBe(sizes.length);
    expect(received.map((b) => b.length)).toEqual(sizes);
    received.forEach((data, i) => expect(data.equals(payloads[i] ?? Buffer.alloc(0))).toBe(true));
  });
});
