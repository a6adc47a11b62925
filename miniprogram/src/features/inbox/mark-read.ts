import { apiRequest } from '../../api';

/** Marks one of the person's messages read (marking it again changes nothing). */
export async function markInboxMessageRead(id: string): Promise<void> {
  await apiRequest<unknown>({ method: 'POST', path: `/inbox/${encodeURIComponent(id)}/read` });
}
