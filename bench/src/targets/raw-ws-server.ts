/**
 * The floor: a plain `ws` server that relays every message's bytes to every other connection of
 * the same path and does nothing else (no document, no parsing, no keep-alive). Whatever a real
 * server spends beyond this is the price of being a Yjs server.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const peersByPath = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true });

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});

server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    let peers = peersByPath.get(path);
    if (!peers) {
      peers = new Set();
      peersByPath.set(path, peers);
    }
    const room = peers;
    room.add(ws);
    ws.on('message', (data, isBinary) => {
      for (const peer of room) {
        if (peer !== ws) peer.send(data, { binary: isBinary });
      }
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      room.delete(ws);
      if (room.size === 0) peersByPath.delete(path);
    });
  });
});

server.listen(Number(process.env['PORT'] ?? 0), process.env['HOST'] ?? '127.0.0.1');
