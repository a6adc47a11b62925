import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuthSession } from './auth-session.entity';

@Injectable()
export class AuthSessionsRepository {
  constructor(@InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>) {}

  findById(id: string): Promise<AuthSession | null> {
    return this.sessions.findOneBy({ id });
  }

  async insertSession(session: Pick<AuthSession, 'id' | 'familyId' | 'userId' | 'expiresAt'>): Promise<void> {
    await this.sessions.insert({ ...session, rotatedAt: null, revokedAt: null, createdAt: new Date() });
  }

  /** Marks a session used for a refresh. False when another request got there first. */
  async markRotated(id: string, at: Date): Promise<boolean> {
    const result = await this.sessions.update({ id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: at });
    return (result.affected ?? 0) === 1;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.sessions.update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
