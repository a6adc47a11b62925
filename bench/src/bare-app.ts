import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

/** The baseline: Nest 12 on Fastify with one handler and nothing else — no database, no logging. */
@Controller('api/v1/health')
class BareHealthController {
  @Get()
  health() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [BareHealthController] })
class BareModule {}

async function main() {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3900) });
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
}

void main();
