import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { HAZARD_PHOTO_MAX_BYTES } from '@ankang/shared';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { inlineScriptHashes } from './common/inline-script-hashes';
import { createRootLogger, RequestLogController } from './common/logging';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';

export const API_PREFIX = 'api/v1';
const REQUEST_ID_PATTERN = /^[\w.:-]{1,64}$/;

/** Keeps a caller's request id when it is safe to log, otherwise makes one. */
function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
}

/** Builds the application (not yet listening) on a connected, migrated data source. */
export async function createApp(config: AppConfig, dataSource: DataSource): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(),
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Multipart bodies are never parsed ahead: each image upload reads its own, bounded and with coded
    // errors (storage/image-upload.ts). These limits cover any other multipart read.
    multipart: { limits: { fileSize: HAZARD_PHOTO_MAX_BYTES, files: 1, fields: 10, parts: 12 } },
    // On close, idle keep-alive sockets go at once; requests in flight are allowed to finish.
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, dataSource, logger), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const h5Index = config.h5DistDirectory ? path.join(config.h5DistDirectory, 'index.html') : null;
  const h5ScriptHashes = h5Index && existsSync(h5Index) ? inlineScriptHashes(readFileSync(h5Index, 'utf8')) : [];
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI and NutUI set inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // NutUI's icon font and Taro's toast/modal icons come as data: URLs.
        fontSrc: ["'self'", 'data:'],
        // Lessons may link a video hosted elsewhere (https only, checked when the lesson is saved).
        mediaSrc: ["'self'", 'https:'],
        scriptSrc: ["'self'", ...h5ScriptHashes],
        connectSrc: ["'self'"],
        // TLS is the reverse proxy's business; upgrading would break a plain-HTTP LAN demo.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      reply.headers(headers);
      reply.header('x-request-id', request.id);
      done();
    });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('安康 Ankang API')
      .setDescription('Labour-protection system of the provincial federation of trade unions')
      .setVersion(config.version)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  if (config.h5DistDirectory) {
    app.useStaticAssets({
      root: config.h5DistDirectory,
      prefix: '/',
      index: ['index.html'],
      wildcard: false,
      // @fastify/static 10 passes the Fastify reply, whatever Nest's older option type says.
      setHeaders: (response, filePath) => {
        // Hashed bundles never change; the page that names them must always be fresh.
        const immutable = /\.[0-9a-f]{8,}\.(js|css)$/.test(filePath) || filePath.includes('/static/');
        (response as unknown as FastifyReply).header(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}
