import {
  CommonErrorCode,
  OrgErrorCode,
  Permission,
  type QrCodeFormat,
  workplaceCodeProblem,
  workplaceLandingUrl,
} from '@ankang/shared';
import { Inject, Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { OrgUnit } from '../org/org-unit.entity';
import { OrgUnitsRepository, type WorkplaceWithEnterprise } from '../org/org-units.repository';
import { MiniProgramCodes } from './mini-program-codes';
import { type PosterCode, type PosterContent, renderPosterSvgDocument, renderPostersHtml } from './workplace-poster';
import { toWorkplaceCard, type WorkplaceCardDto } from './workplaces.dto';
import { WorkplacesRepository } from './workplaces.repository';

/** A file to hand to the caller as a download. */
export interface Download {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png' };
/** WeChat codes fetched at once for a bulk download: enough to be quick, few enough to be polite. */
const BULK_CONCURRENCY = 4;

/** A workplace's public card (what its QR code opens), its WeChat code and its printable posters. */
@Injectable()
export class WorkplacesService {
  constructor(
    private readonly workplaces: WorkplacesRepository,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly miniProgramCodes: MiniProgramCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Public: the same facts are printed on the poster at the gate. */
  async cardByCode(code: string): Promise<WorkplaceCardDto> {
    const row = workplaceCodeProblem(code) === null ? await this.workplaces.findCardByCode(code) : null;
    if (!row) throw new AppException(OrgErrorCode.WorkplaceNotFound);
    return toWorkplaceCard(row);
  }

  /**
   * The WeChat mini program code of a workplace, or its printable poster: always for `poster`, and
   * for `image` when WeChat is not configured (development, H5 deployments).
   */
  async qrCode(scope: Scope, id: number, format: QrCodeFormat): Promise<Download> {
    const { workplace, enterprise } = await this.findWorkplaceForDownloadOrFail(scope, id);
    if (format === 'image' && this.miniProgramCodes.isAvailable()) {
      const image = await this.miniProgramCodes.forWorkplace(workplaceWithCode(workplace));
      const extension = IMAGE_EXTENSIONS[image.contentType] ?? 'img';
      return { ...image, filename: `${workplace.name}-小程序码.${extension}` };
    }
    const poster = await this.posterContent(workplace, enterprise);
    return {
      bytes: Buffer.from(renderPosterSvgDocument(poster), 'utf8'),
      contentType: 'image/svg+xml; charset=utf-8',
      filename: `${workplace.name}-二维码海报.svg`,
    };
  }

  /** One printable HTML page with the poster of every workplace of the enterprise that is in use. */
  async enterprisePosters(scope: Scope, id: number): Promise<Download> {
    const enterprise = await this.orgUnits.findEnterpriseById(id);
    if (!enterprise || !scope.can(Permission.QrCodeDownload, enterprise.path)) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    const workplaces = await this.orgUnits.findActiveWorkplacesOfEnterprise(enterprise.id);
    const posters = await mapWithConcurrency(workplaces, BULK_CONCURRENCY, (workplace) =>
      this.posterContent(workplace, enterprise),
    );
    const title = `${enterprise.name} 作业场所二维码海报`;
    return {
      bytes: Buffer.from(renderPostersHtml(title, posters), 'utf8'),
      contentType: 'text/html; charset=utf-8',
      filename: `${enterprise.name}-二维码海报.html`,
    };
  }

  /** The WeChat code when WeChat is configured, else a QR code of the H5 landing page. */
  private async posterContent(workplace: OrgUnit, enterprise: OrgUnit): Promise<PosterContent> {
    const { code } = workplaceWithCode(workplace);
    let scan: PosterCode;
    if (this.miniProgramCodes.isAvailable()) {
      const image = await this.miniProgramCodes.forWorkplace({ id: workplace.id, code });
      scan = { kind: 'image', contentType: image.contentType, bytes: image.bytes };
    } else {
      scan = { kind: 'url', url: workplaceLandingUrl(this.config.publicBaseUrl, code) };
    }
    return { workplaceName: workplace.name, enterpriseName: enterprise.name, code, scan };
  }

  /** Out of scope is answered exactly as a missing id; an archived workplace's code no longer opens anything. */
  private async findWorkplaceForDownloadOrFail(scope: Scope, id: number): Promise<WorkplaceWithEnterprise> {
    const found = await this.orgUnits.findWorkplaceWithEnterprise(id);
    if (!found || !scope.can(Permission.QrCodeDownload, found.workplace.path)) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    if (found.workplace.archivedAt || found.enterprise.archivedAt) {
      throw new AppException(OrgErrorCode.WorkplaceArchived);
    }
    return found;
  }
}

/** Workplaces always carry a code (the org API generates one); a row without one is a data error. */
function workplaceWithCode(workplace: OrgUnit): { id: number; code: string } {
  if (!workplace.code) throw new Error(`Workplace ${workplace.id} has no code`);
  return { id: workplace.id, code: workplace.code };
}

/** Maps in order with at most `limit` calls in flight. */
async function mapWithConcurrency<Item, Result>(
  items: readonly Item[],
  limit: number,
  map: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
