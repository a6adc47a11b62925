import { SubscriptionErrorCode, WECHAT_SUBSCRIBE_TEMPLATES_PER_REQUEST } from '@ankang/shared';
import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { configuredTemplates } from './subscribe-templates';
import {
  type RecordWechatSubscriptionsDto,
  toWechatSubscriptions,
  WECHAT_RESULT_MESSAGE_KEY,
  type WechatSubscriptionsDto,
} from './wechat-subscriptions.dto';
import { WechatSubscriptionsRepository } from './wechat-subscriptions.repository';

/** The person's own consent to WeChat subscribe messages, as `wx.requestSubscribeMessage` reported it. */
@Injectable()
export class WechatSubscriptionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subscriptions: WechatSubscriptionsRepository,
  ) {}

  async view(userId: number): Promise<WechatSubscriptionsDto> {
    const templates = configuredTemplates(this.config);
    const grants = await this.subscriptions.findByUserAndTemplates(
      userId,
      templates.map((template) => template.templateId),
    );
    return toWechatSubscriptions(templates, grants);
  }

  /**
   * Each `accept` adds one grant for its template. A repeated request adds again: a grant too many
   * costs one call that WeChat refuses (43101, which zeroes the count), a grant too few a lost message.
   */
  async record(userId: number, request: RecordWechatSubscriptionsDto): Promise<WechatSubscriptionsDto> {
    const answers = Object.entries(request.results).filter(([templateId]) => templateId !== WECHAT_RESULT_MESSAGE_KEY);
    if (answers.length > WECHAT_SUBSCRIBE_TEMPLATES_PER_REQUEST) {
      throw new AppException(SubscriptionErrorCode.TooManyTemplates);
    }
    const configured = new Set(configuredTemplates(this.config).map((template) => template.templateId));
    const unknown = answers.filter(([templateId]) => !configured.has(templateId));
    if (unknown.length > 0) {
      throw new AppException(
        SubscriptionErrorCode.TemplateNotConfigured,
        unknown.map(([templateId]) => ({ field: `results.${templateId}`, message: '该消息模板未在服务器配置' })),
      );
    }
    const accepted = answers.filter(([, answer]) => answer === 'accept').map(([templateId]) => templateId);
    await this.subscriptions.addOneEach(userId, accepted, new Date());
    return this.view(userId);
  }
}
