import type http from 'node:http';
import { ErrorCode } from '@roundtable/shared';
import type { DependencyHealth } from '../observability/health.js';
import { errorBody } from './errors.js';

/**
 * What the server answers between listening and being ready to serve (it is waiting for the store
 * or Redis): alive on `/healthz`, not ready on `/readyz` with what it waits for, its dependency
 * metrics on `/metrics`, and 503 `unavailable` for everything else. A load balancer keeps traffic
 * away and a liveness probe leaves the process alone.
 */
export function startupHandler(health: DependencyHealth): http.RequestListener {
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '2' });
      res.end(JSON.stringify(body));
    };
    if (pathname === '/healthz') {
      json(200, { status: 'ok' });
    } else if (pathname === '/readyz') {
      json(503, { status: 'unready', problems: [...health.problems(), 'app: starting'] });
    } else if (pathname === '/metrics') {
      health.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': health.registry.contentType });
          res.end(text);
        },
        () => json(500, errorBody(ErrorCode.Internal, 'Metrics are unavailable.')),
      );
    } else {
      json(503, errorBody(ErrorCode.Unavailable, 'The server is starting; try again shortly.'));
    }
  };
}
