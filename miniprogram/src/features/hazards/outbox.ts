/**
 * Reports waiting on the phone for the network (待发送): the draft with its client keys, the photos
 * kept as files (WeChat) or in IndexedDB (H5), and the photos already uploaded. Sending one again
 * carries the same keys, so however often it is tried the server makes one ticket.
 *
 * Entries belong to the person who made them (user id from the session), so another person
 * signing in on the same phone neither sees nor sends them.
 */

import Taro from '@tarojs/taro';
import type { ApiErrorCode } from '../../api';
import { discardKeptPhotos, keepPhoto } from './kept-photos';
import type { DraftPhoto, ReportDraft } from './report-draft';

export const OUTBOX_STORAGE_KEY = 'ankang.hazard-outbox';
/** Fired on Taro.eventCenter whenever the queue changes (queued, sent, failed, removed). */
export const OUTBOX_CHANGED_EVENT = 'hazard-outbox:changed';

export type QueuedPhoto = Omit<DraftPhoto, 'blob'>;

export interface QueuedReport extends Omit<ReportDraft, 'photos'> {
  ownerId: string | null;
  photos: QueuedPhoto[];
  queuedAt: string;
  /** The server refused it (not for lack of network): it waits for the person to decide. */
  failure: { code: ApiErrorCode; message: string } | null;
}

function readAll(): QueuedReport[] {
  try {
    const value: unknown = Taro.getStorageSync(OUTBOX_STORAGE_KEY);
    return Array.isArray(value)
      ? value.filter(
          (entry): entry is QueuedReport =>
            !!entry && typeof entry === 'object' && typeof (entry as QueuedReport).clientKey === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function writeAll(entries: QueuedReport[]): void {
  Taro.setStorageSync(OUTBOX_STORAGE_KEY, entries);
  Taro.eventCenter.trigger(OUTBOX_CHANGED_EVENT);
}

/** The person's queued reports, oldest first (the order they are sent in). */
export function queuedReports(ownerId: string | null): QueuedReport[] {
  return readAll()
    .filter((entry) => entry.ownerId === ownerId)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/**
 * Queues a draft that could not be sent: keeps its photos on the phone first (a report is only
 * queued with all of them), then stores it. Queuing the same draft again keeps one entry.
 */
export async function queueReport(draft: ReportDraft, ownerId: string | null, now = new Date()): Promise<QueuedReport> {
  const existing = readAll().find((entry) => entry.clientKey === draft.clientKey);
  if (existing) {
    return existing;
  }
  const photos: QueuedPhoto[] = [];
  try {
    for (const photo of draft.photos) {
      const kept = await keepPhoto(photo, `${draft.clientKey}/${photo.clientKey}`);
      photos.push({ clientKey: photo.clientKey, photoId: photo.photoId, size: photo.size, path: '', ...kept });
    }
  } catch (error) {
    await discardKeptPhotos(photos);
    throw error;
  }
  const entry: QueuedReport = {
    clientKey: draft.clientKey,
    workplace: draft.workplace,
    category: draft.category,
    description: draft.description,
    locationNote: draft.locationNote,
    reporterVisibility: draft.reporterVisibility,
    createdAt: draft.createdAt,
    photos,
    ownerId,
    queuedAt: now.toISOString(),
    failure: null,
  };
  writeAll([...readAll(), entry]);
  return entry;
}

/** Saves progress (photos uploaded, a refusal) of a queued report that is still there. */
export function updateQueuedReport(clientKey: string, change: (entry: QueuedReport) => QueuedReport): void {
  const entries = readAll();
  if (entries.some((entry) => entry.clientKey === clientKey)) {
    writeAll(entries.map((entry) => (entry.clientKey === clientKey ? change(entry) : entry)));
  }
}

/** Takes a report off the queue (sent, or given up by the person) and frees its kept photos. */
export async function removeQueuedReport(clientKey: string): Promise<void> {
  const entries = readAll();
  const entry = entries.find((candidate) => candidate.clientKey === clientKey);
  if (!entry) {
    return;
  }
  writeAll(entries.filter((candidate) => candidate.clientKey !== clientKey));
  await discardKeptPhotos(entry.photos);
}

/** The draft a queued report is sent as. */
export function draftOfQueued(entry: QueuedReport): ReportDraft {
  return { ...entry, photos: entry.photos.map((photo) => ({ ...photo })) };
}
