import {
  HAZARD_DESCRIPTION_MAX_LENGTH,
  HAZARD_LOCATION_NOTE_MAX_LENGTH,
  HAZARD_PHOTOS_MAX,
  HAZARD_PHOTOS_MIN,
  type HazardCategory,
  type ReporterVisibility,
  type ReportHazardRequest,
} from '@ankang/shared';
import type { KeptPhoto } from './kept-photos';

/** The workplace a report is about, as the form shows it. */
export interface ReportWorkplace {
  id: string;
  code: string;
  name: string;
  enterpriseName: string;
}

/** One photo of a report on the phone. */
export interface DraftPhoto extends KeptPhoto {
  /** The upload's own client key, kept across retries: the server stores each photo once. */
  clientKey: string;
  /** What `<Image>` shows and uploadFile reads while the form is open (temporary path, object URL). */
  path: string;
  size: number;
  /** H5, in memory only: the bytes. */
  blob?: Blob;
  /** The stored photo's id once uploaded. */
  photoId: string | null;
}

/** A report as the person filled it in, with the client key every attempt to send it carries. */
export interface ReportDraft {
  clientKey: string;
  workplace: ReportWorkplace;
  category: HazardCategory;
  description: string;
  locationNote: string;
  reporterVisibility: ReporterVisibility;
  photos: DraftPhoto[];
  createdAt: string;
}

export interface ReportFormValues {
  workplace: ReportWorkplace | null;
  category: HazardCategory | null;
  description: string;
  locationNote: string;
  reporterVisibility: ReporterVisibility;
  photos: readonly unknown[];
}

export type ReportField = 'workplace' | 'photos' | 'category' | 'description' | 'locationNote';
export type ReportErrors = Partial<Record<ReportField, string>>;

/** Characters as a person counts them (an emoji is one), which is how the server measures too. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** What is missing or too long, field by field, in Chinese; empty when the report can go. */
export function validateReport(values: ReportFormValues): ReportErrors {
  const errors: ReportErrors = {};
  if (!values.workplace) {
    errors.workplace = '请选择隐患所在的作业场所';
  }
  if (values.photos.length < HAZARD_PHOTOS_MIN || values.photos.length > HAZARD_PHOTOS_MAX) {
    errors.photos = `请拍摄或选择 ${HAZARD_PHOTOS_MIN} 到 ${HAZARD_PHOTOS_MAX} 张照片`;
  }
  if (!values.category) {
    errors.category = '请选择隐患类别';
  }
  const description = values.description.trim();
  if (description === '') {
    errors.description = '请描述看到的隐患';
  } else if (characterCount(description) > HAZARD_DESCRIPTION_MAX_LENGTH) {
    errors.description = `描述不能超过 ${HAZARD_DESCRIPTION_MAX_LENGTH} 字`;
  }
  if (characterCount(values.locationNote.trim()) > HAZARD_LOCATION_NOTE_MAX_LENGTH) {
    errors.locationNote = `位置说明不能超过 ${HAZARD_LOCATION_NOTE_MAX_LENGTH} 字`;
  }
  return errors;
}

/** The API body of a draft whose photos are all uploaded. */
export function reportRequestOf(draft: ReportDraft): ReportHazardRequest {
  const locationNote = draft.locationNote.trim();
  return {
    clientKey: draft.clientKey,
    workplaceId: draft.workplace.id,
    category: draft.category,
    description: draft.description.trim(),
    ...(locationNote ? { locationNote } : {}),
    reporterVisibility: draft.reporterVisibility,
    photoIds: draft.photos.map((photo) => photo.photoId as string),
  };
}
