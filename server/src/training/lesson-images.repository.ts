import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { LessonImage } from './lesson-image.entity';

export type NewLessonImage = Omit<LessonImage, 'id' | 'uploader'>;

@Injectable()
export class LessonImagesRepository {
  constructor(@InjectRepository(LessonImage) private readonly images: Repository<LessonImage>) {}

  findById(id: number): Promise<LessonImage | null> {
    return this.images.findOneBy({ id });
  }

  findByClientKey(clientKey: string): Promise<LessonImage | null> {
    return this.images.findOneBy({ clientKey });
  }

  /** The ids among `ids` that name stored images. */
  async findExistingIds(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.images.find({ select: { id: true }, where: { id: In(ids) } });
    return new Set(rows.map((row) => row.id));
  }

  /** Inserts the image; null when its client key is taken (a retry that raced this one, or another's key). */
  async insertUnlessKeyTaken(image: NewLessonImage): Promise<LessonImage | null> {
    try {
      const inserted = await this.images.insert(image);
      return await this.images.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
}
