import {
  HazardCategory,
  HazardErrorCode,
  OrgErrorCode,
  ReporterVisibility,
  type ReportHazardRequest,
} from '@ankang/shared';
import { apiError, fakeApi, NetworkDown, ok, signInAs } from '../../../test/fake-api';
import { installFakeIndexedDb } from '../../../test/fake-indexed-db';
import { hazardDetailFixture } from '../../../test/fixtures';
import { removeSavedFile, saveFile, setNetwork, taroStorage } from '../../../test/mocks/taro';
import { installObjectUrls } from '../../../test/photos';
import { queuedReports, queueReport, removeQueuedReport } from './outbox';
import { flushOutbox, retryQueuedReport, startOutboxSync } from './outbox-sync';
import type { ReportDraft } from './report-draft';

function draft(clientKey: string, photos: ReportDraft['photos']): ReportDraft {
  return {
    clientKey,
    workplace: { id: '42', code: 'HK-COAL-01', name: '主井口', enterpriseName: '河口煤业有限公司' },
    category: HazardCategory.UnsafeCondition,
    description: '配电箱门敞开',
    locationNote: '',
    reporterVisibility: ReporterVisibility.Named,
    createdAt: '2026-11-29T01:00:00.000Z',
    photos,
  };
}

function weappPhoto(n: number, photoId: string | null = null): ReportDraft['photos'][number] {
  return { clientKey: `photo-key-${n}`, path: `wxfile://tmp/photo-${n}.jpg`, size: 1000, photoId };
}

/** A server keeping one ticket per client key, counting what it receives. */
function server() {
  const tickets = new Map<string, ReportHazardRequest>();
  const api = fakeApi({
    'POST /hazard-photos': (req) => ok({ id: `id-${(req.data as { clientKey: string }).clientKey}` }, 201),
    'POST /hazards': (req) => {
      const body = req.data as ReportHazardRequest;
      tickets.set(body.clientKey, body);
      return ok({ ticket: hazardDetailFixture(), followToken: null }, 201);
    },
  });
  return { api, tickets };
}

describe('the queue of reports made without network (待发送)', () => {
  describe('in WeChat', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('keeps the photos as saved files and sends from them, then frees them', async () => {
      signInAs('7');
      const { api } = server();
      await queueReport(draft('report-1', [weappPhoto(1), weappPhoto(2)]), '7');

      expect(saveFile).toHaveBeenCalledTimes(2);
      expect(queuedReports('7')[0].photos.map((photo) => photo.filePath)).toEqual([
        'wxfile://store/photo-1.jpg',
        'wxfile://store/photo-2.jpg',
      ]);

      await expect(flushOutbox()).resolves.toEqual({ sent: 1, waiting: 0 });

      expect(api.callsTo('POST', '/hazard-photos').map((call) => call.filePath)).toEqual([
        'wxfile://store/photo-1.jpg',
        'wxfile://store/photo-2.jpg',
      ]);
      expect((api.callsTo('POST', '/hazards')[0].data as ReportHazardRequest).photoIds).toEqual([
        'id-photo-key-1',
        'id-photo-key-2',
      ]);
      expect(removeSavedFile).toHaveBeenCalledWith({ filePath: 'wxfile://store/photo-1.jpg' });
      expect(removeSavedFile).toHaveBeenCalledWith({ filePath: 'wxfile://store/photo-2.jpg' });
      expect(queuedReports('7')).toEqual([]);
    });

    it('sends when WeChat says the network is back, and only once however often it says so', async () => {
      signInAs('7');
      const { api, tickets } = server();
      const stop = startOutboxSync();
      try {
        await queueReport(draft('report-1', [weappPhoto(1)]), '7');
        setNetwork('none');
        setNetwork('wifi');
        setNetwork('4g');
        await new Promise((resolve) => setTimeout(resolve, 20));
        await flushOutbox();
      } finally {
        stop();
      }
      expect(api.callsTo('POST', '/hazards')).toHaveLength(1);
      expect([...tickets.keys()]).toEqual(['report-1']);
      expect(queuedReports('7')).toEqual([]);
    });

    it('does not queue a report whose photos cannot be kept, and leaves nothing behind', async () => {
      signInAs('7');
      saveFile.mockResolvedValueOnce({ savedFilePath: 'wxfile://store/photo-1.jpg', errMsg: 'saveFile:ok' });
      saveFile.mockRejectedValueOnce({
        errMsg: 'saveFile:fail the maximum size of the file storage limit is exceeded',
      });

      await expect(queueReport(draft('report-1', [weappPhoto(1), weappPhoto(2)]), '7')).rejects.toBeTruthy();

      expect(removeSavedFile).toHaveBeenCalledWith({ filePath: 'wxfile://store/photo-1.jpg' });
      expect(queuedReports('7')).toEqual([]);
    });
  });

  describe('on H5', () => {
    let database: ReturnType<typeof installFakeIndexedDb>;

    beforeEach(() => {
      installObjectUrls();
      database = installFakeIndexedDb();
    });

    it('keeps the photos’ bytes in IndexedDB, uploads them from there and deletes them once sent', async () => {
      signInAs('7');
      const { api } = server();
      const blob = new Blob(['jpeg'], { type: 'image/jpeg' });
      await queueReport(draft('report-1', [{ ...weappPhoto(1), path: 'blob:live-1', blob }]), '7');

      const kept = database.store('ankang', 'hazard-photos');
      expect([...kept.keys()]).toEqual(['report-1/photo-key-1']);
      expect(kept.get('report-1/photo-key-1')).toBe(blob);
      expect(JSON.stringify(taroStorage.get('ankang.hazard-outbox'))).not.toContain('blob:live-1');

      await flushOutbox();

      const [upload] = api.callsTo('POST', '/hazard-photos');
      expect(upload.file?.size).toBe(4);
      expect(upload.fileName).toBe('photo.jpg');
      expect(upload.data).toEqual({ clientKey: 'photo-key-1', kind: 'report' });
      expect(kept.size).toBe(0);
    });
  });

  it('keeps one person’s queue from another who signs in on the same phone', async () => {
    process.env.TARO_ENV = 'weapp';
    signInAs('7');
    await queueReport(draft('report-of-7', [weappPhoto(1)]), '7');
    signInAs('8');
    const { api } = server();

    await expect(flushOutbox()).resolves.toEqual({ sent: 0, waiting: 0 });

    expect(api.calls).toHaveLength(0);
    expect(queuedReports('8')).toEqual([]);
    expect(queuedReports('7')).toHaveLength(1);
  });

  it('stops at the first network failure and keeps everything for the next try', async () => {
    process.env.TARO_ENV = 'weapp';
    signInAs('7');
    const api = fakeApi({
      'POST /hazard-photos': () => {
        throw new NetworkDown();
      },
    });
    await queueReport(draft('report-1', [weappPhoto(1)]), '7');
    await queueReport(draft('report-2', [weappPhoto(2)]), '7');

    await expect(flushOutbox()).resolves.toEqual({ sent: 0, waiting: 2 });

    // One photo, tried three times (the client re-sends a keyed upload twice), then the run stops.
    expect(api.callsTo('POST', '/hazard-photos').map((call) => call.filePath)).toEqual([
      'wxfile://store/photo-1.jpg',
      'wxfile://store/photo-1.jpg',
      'wxfile://store/photo-1.jpg',
    ]);
    expect(queuedReports('7').map((entry) => entry.failure)).toEqual([null, null]);
  });

  it('sets aside a report the server refuses, goes on with the others, and tries it again when asked', async () => {
    process.env.TARO_ENV = 'weapp';
    signInAs('7');
    let archived = true;
    fakeApi({
      'POST /hazard-photos': (req) => ok({ id: `id-${(req.data as { clientKey: string }).clientKey}` }, 201),
      'POST /hazards': (req) =>
        (req.data as ReportHazardRequest).clientKey === 'report-1' && archived
          ? apiError(409, OrgErrorCode.WorkplaceArchived)
          : ok({ ticket: hazardDetailFixture(), followToken: null }, 201),
    });
    await queueReport(draft('report-1', [weappPhoto(1)]), '7');
    await queueReport(draft('report-2', [weappPhoto(2)]), '7');

    await expect(flushOutbox()).resolves.toEqual({ sent: 1, waiting: 1 });
    const [refused] = queuedReports('7');
    expect(refused.clientKey).toBe('report-1');
    expect(refused.failure?.code).toBe(OrgErrorCode.WorkplaceArchived);
    // Not sent again by itself: the person decides.
    await expect(flushOutbox()).resolves.toEqual({ sent: 0, waiting: 1 });

    archived = false;
    await expect(retryQueuedReport('report-1')).resolves.toEqual({ sent: 1, waiting: 0 });
  });

  it('uploads the photos again when the server no longer has them (unattached photos are cleaned up)', async () => {
    process.env.TARO_ENV = 'weapp';
    signInAs('7');
    const reports: ReportHazardRequest[] = [];
    const api = fakeApi({
      'POST /hazard-photos': (req) => ok({ id: `fresh-${(req.data as { clientKey: string }).clientKey}` }, 201),
      'POST /hazards': (req) => {
        const body = req.data as ReportHazardRequest;
        reports.push(body);
        return body.photoIds[0] === 'stale-1'
          ? apiError(400, HazardErrorCode.PhotoNotUsable)
          : ok({ ticket: hazardDetailFixture(), followToken: null }, 201);
      },
    });
    await queueReport(draft('report-1', [weappPhoto(1, 'stale-1')]), '7');

    await expect(flushOutbox()).resolves.toEqual({ sent: 1, waiting: 0 });

    expect(api.callsTo('POST', '/hazard-photos').map((call) => (call.data as { clientKey: string }).clientKey)).toEqual(
      ['photo-key-1'],
    );
    expect(reports.map((report) => [report.clientKey, report.photoIds])).toEqual([
      ['report-1', ['stale-1']],
      ['report-1', ['fresh-photo-key-1']],
    ]);
  });

  it('shares one run between triggers that arrive together', async () => {
    process.env.TARO_ENV = 'weapp';
    signInAs('7');
    const { api } = server();
    await queueReport(draft('report-1', [weappPhoto(1)]), '7');

    const runs = await Promise.all([flushOutbox(), flushOutbox(), flushOutbox()]);

    expect(runs).toEqual([
      { sent: 1, waiting: 0 },
      { sent: 1, waiting: 0 },
      { sent: 1, waiting: 0 },
    ]);
    expect(api.callsTo('POST', '/hazards')).toHaveLength(1);
  });

  it('queues a draft once even when asked twice, and forgets it with its photos when removed', async () => {
    process.env.TARO_ENV = 'weapp';
    await queueReport(draft('report-1', [weappPhoto(1)]), '7');
    await queueReport(draft('report-1', [weappPhoto(1)]), '7');
    expect(queuedReports('7')).toHaveLength(1);
    expect(saveFile).toHaveBeenCalledTimes(1);

    await removeQueuedReport('report-1');

    expect(queuedReports('7')).toEqual([]);
    expect(removeSavedFile).toHaveBeenCalledWith({ filePath: 'wxfile://store/photo-1.jpg' });
  });

  it('sends nothing without a session', async () => {
    process.env.TARO_ENV = 'weapp';
    await queueReport(draft('report-1', [weappPhoto(1)]), null);
    const { api } = server();
    await expect(flushOutbox()).resolves.toEqual({ sent: 0, waiting: 0 });
    expect(api.calls).toHaveLength(0);
  });
});
