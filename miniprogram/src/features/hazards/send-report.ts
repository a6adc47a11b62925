import { HazardErrorCode, HazardPhotoKind, ReporterVisibility, type ReportHazardResponse } from '@ankang/shared';
import { isApiError } from '../../api';
import { rememberFollowToken } from './follow-tokens';
import { openKeptPhoto } from './kept-photos';
import { type DraftPhoto, type ReportDraft, reportRequestOf } from './report-draft';
import { reportHazard } from './report-hazard';
import { uploadHazardPhoto } from './upload-hazard-photo';

export interface SendOptions {
  /** Whose phone session sends it: anonymous follow-up tokens are kept for this person. */
  ownerId: string | null;
  /** Called after each photo is uploaded, so a queued report remembers what is already there. */
  onProgress?: (draft: ReportDraft) => void;
}

async function uploadPhoto(photo: DraftPhoto): Promise<string> {
  const source = photo.blobKey || photo.filePath ? await openKeptPhoto(photo) : { path: photo.path, blob: photo.blob };
  const stored = await uploadHazardPhoto({
    filePath: source.path,
    blob: source.blob,
    clientKey: photo.clientKey,
    kind: HazardPhotoKind.Report,
  });
  return stored.id;
}

/** Uploads the photos not yet uploaded, one by one, each with its own client key. */
async function uploadMissing(draft: ReportDraft, onProgress?: (draft: ReportDraft) => void): Promise<ReportDraft> {
  let current = draft;
  for (const [index, photo] of draft.photos.entries()) {
    if (photo.photoId) {
      continue;
    }
    const photoId = await uploadPhoto(photo);
    current = {
      ...current,
      photos: current.photos.map((candidate, position) => (position === index ? { ...candidate, photoId } : candidate)),
    };
    onProgress?.(current);
  }
  return current;
}

/**
 * Sends a report: its photos first (one request each), then the report, all with the keys made when
 * the person started it — so any retry, from the form or from the queue, returns the same ticket.
 * Photos uploaded long before (the server deletes unattached ones after a day) are uploaded again
 * once. Anonymous reports: the follow-up token is kept on the phone before this resolves.
 * Rejects with the ApiError of the step that failed; `isNetworkError` means "queue it".
 */
export async function sendReport(draft: ReportDraft, options: SendOptions): Promise<ReportHazardResponse> {
  let current = await uploadMissing(draft, options.onProgress);
  let response: ReportHazardResponse;
  try {
    response = await reportHazard(reportRequestOf(current));
  } catch (error) {
    if (!(isApiError(error) && error.code === HazardErrorCode.PhotoNotUsable)) {
      throw error;
    }
    const forgotten = { ...current, photos: current.photos.map((photo) => ({ ...photo, photoId: null })) };
    current = await uploadMissing(forgotten, options.onProgress);
    response = await reportHazard(reportRequestOf(current));
  }
  if (response.followToken && draft.reporterVisibility === ReporterVisibility.Anonymous) {
    rememberFollowToken({
      ownerId: options.ownerId,
      token: response.followToken,
      code: response.ticket.code,
      category: response.ticket.category,
      workplaceName: response.ticket.workplace.name,
      enterpriseName: response.ticket.enterprise.name,
      reportedAt: response.ticket.createdAt,
    });
  }
  return response;
}
