import type { DatabaseDriver } from '../enums';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: {
    driver: DatabaseDriver;
    ok: boolean;
    latencyMs: number;
  };
  version: string;
  uptimeSeconds: number;
}
