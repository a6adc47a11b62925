import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { WorkplaceQrCode } from './workplace-qr-code.entity';

@Injectable()
export class WorkplaceQrCodesRepository {
  constructor(@InjectRepository(WorkplaceQrCode) private readonly codes: Repository<WorkplaceQrCode>) {}

  findByKey(workplaceId: number, cacheKey: string): Promise<WorkplaceQrCode | null> {
    return this.codes.findOneBy({ workplaceId, cacheKey });
  }

  /** Records where a code's image is stored; two requests racing to record it both succeed. */
  async save(entry: Pick<WorkplaceQrCode, 'workplaceId' | 'cacheKey' | 'contentType' | 'storageKey'>): Promise<void> {
    try {
      await this.codes.insert({ ...entry, createdAt: new Date() });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.codes.update(
        { workplaceId: entry.workplaceId, cacheKey: entry.cacheKey },
        { contentType: entry.contentType, storageKey: entry.storageKey },
      );
    }
  }
}
