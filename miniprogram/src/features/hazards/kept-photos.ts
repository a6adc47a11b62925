/**
 * The photos of a report queued without network, kept on the phone until it is sent:
 * - WeChat: `Taro.saveFile` turns the temporary file into a saved one that survives a restart.
 * - H5: the Blob goes into IndexedDB (object URLs die with the page; storage is too small for bytes).
 */
import Taro from '@tarojs/taro';
import { isH5 } from '../../api';

/** Where a kept photo is: a saved file (WeChat) or an IndexedDB key (H5). */
export interface KeptPhoto {
  filePath?: string;
  blobKey?: string;
}

const DATABASE = 'ankang';
const STORE = 'hazard-photos';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB unavailable'));
      return;
    }
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted'));
    });
  } finally {
    database.close();
  }
}

async function blobOf(path: string, blob: Blob | undefined): Promise<Blob> {
  if (blob) {
    return blob;
  }
  const response = await fetch(path);
  return response.blob();
}

/** Keeps one photo of a queued report; `key` names it (unique per report and photo). */
export async function keepPhoto(photo: { path: string; blob?: Blob }, key: string): Promise<KeptPhoto> {
  if (isH5()) {
    const blob = await blobOf(photo.path, photo.blob);
    await withStore('readwrite', (store) => store.put(blob, key));
    return { blobKey: key };
  }
  const saved = (await Taro.saveFile({ tempFilePath: photo.path })) as Taro.saveFile.SuccessCallbackResult;
  if (!saved.savedFilePath) {
    throw new Error('saveFile gave no path');
  }
  return { filePath: saved.savedFilePath };
}

/** A kept photo to upload: its saved file (WeChat) or its bytes (H5). */
export async function openKeptPhoto(kept: KeptPhoto): Promise<{ path: string; blob?: Blob }> {
  if (kept.blobKey) {
    const blob = await withStore<Blob | undefined>('readonly', (store) => store.get(kept.blobKey as string));
    if (!blob) {
      throw new Error(`kept photo ${kept.blobKey} is gone`);
    }
    return { path: '', blob };
  }
  return { path: kept.filePath ?? '' };
}

/** Frees the phone's copies once the report is sent or given up. Never throws. */
export async function discardKeptPhotos(kept: readonly KeptPhoto[]): Promise<void> {
  for (const photo of kept) {
    try {
      if (photo.blobKey) {
        await withStore('readwrite', (store) => store.delete(photo.blobKey as string));
      } else if (photo.filePath) {
        await Taro.removeSavedFile({ filePath: photo.filePath });
      }
    } catch {
      // Already gone: nothing to free.
    }
  }
}
