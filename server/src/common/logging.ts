import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * The one pino logger of the process. Fastify hands each request a child of it bound to the request
 * id, and Nest's logs go through it too (nestjs-pino with `useExisting`). pino-http as a middleware
 * built a child logger with the serialized request on every request, costing a fifth of /health's
 * throughput; Fastify's own per-request child is cheaper and carries the same id.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'logPretty'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    transport: config.logPretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  });
}

/** Load balancers poll /health every few seconds: logging each poll would drown the real requests. */
const UNLOGGED_PREFIX = '/api/v1/health';

/** One line per finished request, with its id, status and time. */
export function logCompletedRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith(UNLOGGED_PREFIX)) {
      const level = reply.statusCode >= 500 ? 'error' : 'info';
      request.log[level](
        {
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          responseTime: Math.round(reply.elapsedTime * 100) / 100,
          remoteAddress: request.ip,
        },
        'request completed',
      );
    }
    done();
  });
}
