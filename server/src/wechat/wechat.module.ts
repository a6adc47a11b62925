import {
  type DynamicModule,
  Global,
  type InjectionToken,
  Module,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { AccessTokenHolder } from './access-token-holder';
import { WechatClient } from './wechat-client';
import { WechatHttp } from './wechat-http';
import { validateWechatOptions, WECHAT_OPTIONS, type WechatOptions } from './wechat-options';

export interface WechatModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  /** Receives the `inject` providers in order. */
  useFactory: (...dependencies: never[]) => WechatOptions | Promise<WechatOptions>;
}

/** Registers the WeChat client once for the whole application (global module). */
@Global()
@Module({})
export class WechatModule {
  static forRoot(options: WechatOptions): DynamicModule {
    return WechatModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: WechatModuleAsyncOptions): DynamicModule {
    return {
      module: WechatModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: WECHAT_OPTIONS,
          inject: options.inject ?? [],
          useFactory: async (...dependencies: never[]) =>
            validateWechatOptions(await options.useFactory(...dependencies)),
        },
        WechatHttp,
        AccessTokenHolder,
        WechatClient,
      ],
      exports: [WECHAT_OPTIONS, WechatClient, AccessTokenHolder],
    };
  }
}
