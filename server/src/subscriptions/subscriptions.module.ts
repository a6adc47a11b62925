import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SendThrottle } from './send-throttle';
import { SubscribeMessagesService } from './subscribe-messages.service';
import { WechatMessageDeliveriesRepository } from './wechat-message-deliveries.repository';
import { WechatMessageDelivery } from './wechat-message-delivery.entity';
import { WechatSubscription } from './wechat-subscription.entity';
import { WechatSubscriptionsController } from './wechat-subscriptions.controller';
import { WechatSubscriptionsRepository } from './wechat-subscriptions.repository';
import { WechatSubscriptionsService } from './wechat-subscriptions.service';

/**
 * WeChat subscribe messages: the person's one-time grants per template (`/me/wechat-subscriptions`)
 * and the deliveries that mirror in-app messages, sent at most once by a worker any server may run.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WechatSubscription, WechatMessageDelivery])],
  controllers: [WechatSubscriptionsController],
  providers: [
    WechatSubscriptionsRepository,
    WechatMessageDeliveriesRepository,
    WechatSubscriptionsService,
    SubscribeMessagesService,
    SendThrottle,
  ],
  exports: [SubscribeMessagesService],
})
export class SubscriptionsModule {}
