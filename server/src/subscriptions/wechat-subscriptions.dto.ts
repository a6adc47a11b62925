import {
  type RecordWechatSubscriptionsRequest,
  WECHAT_SUBSCRIBE_ANSWERS,
  type WechatSubscribeAnswer,
  WechatSubscribePurpose,
  type WechatSubscriptions,
  type WechatSubscriptionTemplate,
} from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsObject, ValidateBy } from 'class-validator';
import type { WechatSubscription } from './wechat-subscription.entity';

/** The key `wx.requestSubscribeMessage` adds to its result beside the template ids. */
export const WECHAT_RESULT_MESSAGE_KEY = 'errMsg';
const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An object of template id → `accept | reject | ban | filter` (an `errMsg` key aside). */
function IsSubscribeResults(): PropertyDecorator {
  return ValidateBy({
    name: 'isSubscribeResults',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(
          ([key, answer]) =>
            key === WECHAT_RESULT_MESSAGE_KEY ||
            (TEMPLATE_ID_PATTERN.test(key) && (WECHAT_SUBSCRIBE_ANSWERS as readonly unknown[]).includes(answer)),
        ),
    },
  });
}

export class RecordWechatSubscriptionsDto implements RecordWechatSubscriptionsRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...WECHAT_SUBSCRIBE_ANSWERS] },
    example: { 'tmpl-hazard-reminder': 'accept', errMsg: 'requestSubscribeMessage:ok' },
    description: 'The result of wx.requestSubscribeMessage as it came: at most 3 template ids; errMsg is ignored',
  })
  @IsObject()
  @IsSubscribeResults()
  results: Record<string, WechatSubscribeAnswer>;
}

export class WechatSubscriptionTemplateDto implements WechatSubscriptionTemplate {
  @ApiProperty({ enum: WechatSubscribePurpose })
  purpose: WechatSubscribePurpose;

  @ApiProperty({ description: 'Pass to wx.requestSubscribeMessage({tmplIds})' })
  templateId: string;

  @ApiProperty({ minimum: 0, description: 'Messages the server may still send with this template' })
  remaining: number;
}

export class WechatSubscriptionsDto implements WechatSubscriptions {
  @ApiProperty({ type: [WechatSubscriptionTemplateDto], description: 'One per configured purpose' })
  templates: WechatSubscriptionTemplateDto[];
}

/** The configured templates with the person's grants for each. */
export function toWechatSubscriptions(
  templates: readonly { purpose: WechatSubscribePurpose; templateId: string }[],
  grants: readonly WechatSubscription[],
): WechatSubscriptionsDto {
  const remaining = new Map(grants.map((grant) => [grant.templateId, grant.remaining]));
  return {
    templates: templates.map(({ purpose, templateId }) => ({
      purpose,
      templateId,
      remaining: remaining.get(templateId) ?? 0,
    })),
  };
}
