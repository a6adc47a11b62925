/**
 * Sends the queued reports (待发送) when the network is back: on WeChat's network change, the
 * browser's `online`, the app coming to the front, and when 我的上报 is opened. One run at a time;
 * every entry is sent with its own client keys, so a report sent twice is still one ticket.
 */
import { hasSession, isApiError, sessionUserId } from '../../api';
import { onNetworkBack } from './network';
import { draftOfQueued, queuedReports, removeQueuedReport, updateQueuedReport } from './outbox';
import { sendReport } from './send-report';

export interface FlushResult {
  sent: number;
  /** Entries still waiting (network still down, server busy, or refused and waiting for the person). */
  waiting: number;
}

let flight: Promise<FlushResult> | null = null;

/** A refusal that another try will not change (validation, an archived workplace, content check). */
function permanent(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

async function run(): Promise<FlushResult> {
  if (!hasSession()) {
    return { sent: 0, waiting: 0 };
  }
  const ownerId = sessionUserId();
  let sent = 0;
  for (const entry of queuedReports(ownerId)) {
    if (entry.failure) {
      continue;
    }
    try {
      await sendReport(draftOfQueued(entry), {
        ownerId,
        onProgress: (draft) =>
          updateQueuedReport(entry.clientKey, (current) => ({
            ...current,
            photos: current.photos.map((photo, index) => ({ ...photo, photoId: draft.photos[index]?.photoId ?? null })),
          })),
      });
      await removeQueuedReport(entry.clientKey);
      sent += 1;
    } catch (error) {
      if (!isApiError(error) || error.isNetworkError || error.status === 401) {
        // Still offline, or the session needs a login: the rest would fail the same way.
        break;
      }
      if (permanent(error.status)) {
        updateQueuedReport(entry.clientKey, (current) => ({
          ...current,
          failure: { code: error.code, message: error.message },
        }));
      }
    }
  }
  return { sent, waiting: queuedReports(ownerId).length };
}

/** Sends what is queued; calls while a run is going share it. */
export function flushOutbox(): Promise<FlushResult> {
  if (!flight) {
    flight = run().finally(() => {
      flight = null;
    });
  }
  return flight;
}

/** Tries a refused report again (after the person read why): clears the refusal and sends. */
export function retryQueuedReport(clientKey: string): Promise<FlushResult> {
  updateQueuedReport(clientKey, (entry) => ({ ...entry, failure: null }));
  return flushOutbox();
}

let stopListening: (() => void) | null = null;

/** From app launch: send the queue whenever the network comes back. Idempotent. */
export function startOutboxSync(): () => void {
  if (!stopListening) {
    stopListening = onNetworkBack(() => {
      void flushOutbox();
    });
  }
  return () => {
    stopListening?.();
    stopListening = null;
  };
}
