import { DatabaseDriver, type HealthResponse } from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';

export class DatabaseHealthDto {
  @ApiProperty({ enum: DatabaseDriver })
  driver: DatabaseDriver;

  @ApiProperty()
  ok: boolean;

  @ApiProperty()
  latencyMs: number;
}

export class HealthDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status: 'ok' | 'degraded';

  @ApiProperty({ type: DatabaseHealthDto })
  database: DatabaseHealthDto;

  @ApiProperty()
  version: string;

  @ApiProperty()
  uptimeSeconds: number;
}
