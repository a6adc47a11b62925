import { createHash } from 'node:crypto';
import { WechatErrorCode, WORKPLACE_LANDING_PAGE, workplaceScene } from '@ankang/shared';
import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FILE_STORAGE, type FileStorage, type StoredFile } from '../storage/file-storage';
import { WechatClient } from '../wechat/wechat-client';
import { WechatApiError, WechatErrcode } from '../wechat/wechat-errors';
import type { UnlimitedQrCodeRequest } from '../wechat/wechat-types';
import { WorkplaceQrCodesRepository } from './workplace-qr-codes.repository';

/** WeChat's default size of a mini program code, sharp enough for an A4 poster. */
const CODE_WIDTH = 430;

/** WeChat refusing what we asked for (our scene or page): a configuration matter, not the caller's. */
const REJECTED_REQUEST_ERRCODES: ReadonlySet<number> = new Set([
  WechatErrcode.InvalidArguments,
  WechatErrcode.InvalidScene,
  WechatErrcode.SceneTooLong,
  WechatErrcode.InvalidPage,
]);

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Workplace mini program codes from WeChat's getwxacodeunlimit, each asked for once: the image is
 * kept in file storage under a key that covers everything that shapes it (the mini program, scene,
 * page, environment and width), so a changed code or configuration asks anew and nothing else does.
 */
@Injectable()
export class MiniProgramCodes {
  constructor(
    private readonly wechat: WechatClient,
    private readonly codes: WorkplaceQrCodesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isAvailable(): boolean {
    return this.wechat.isConfigured();
  }

  async forWorkplace(workplace: { id: number; code: string }): Promise<StoredFile> {
    const request: UnlimitedQrCodeRequest = {
      scene: workplaceScene(workplace.code),
      page: WORKPLACE_LANDING_PAGE,
      envVersion: this.config.wechat.qrCodeEnvVersion,
      width: CODE_WIDTH,
      checkPath: false,
    };
    const cacheKey = createHash('sha256')
      .update(
        JSON.stringify([this.config.wechat.appId, request.scene, request.page, request.envVersion, request.width]),
      )
      .digest('hex');
    const cached = await this.codes.findByKey(workplace.id, cacheKey);
    const stored = cached ? await this.storage.get(cached.storageKey) : null;
    if (stored) return stored;

    const image = await this.fetch(request);
    const storageKey = `workplace-qr-codes/${workplace.id}/${cacheKey}.${EXTENSIONS[image.contentType] ?? 'bin'}`;
    // Bytes first: a cache row never points at an image that is not there.
    await this.storage.put(storageKey, image.bytes, image.contentType);
    await this.codes.save({ workplaceId: workplace.id, cacheKey, contentType: image.contentType, storageKey });
    return image;
  }

  private async fetch(request: UnlimitedQrCodeRequest): Promise<StoredFile> {
    try {
      const image = await this.wechat.getUnlimitedQrCode(request);
      return { bytes: image.data, contentType: image.contentType };
    } catch (error) {
      if (error instanceof WechatApiError && REJECTED_REQUEST_ERRCODES.has(error.errcode)) {
        throw new AppException(WechatErrorCode.QrCodeRejected);
      }
      throw error;
    }
  }
}
