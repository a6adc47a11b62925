import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/public.decorator';
import { BY_RECORD, FOR_SELF, REQUIRED_PERMISSION } from './access.decorators';

/**
 * Refuses to start an application with a route that does not say who may use it: every handler is
 * @Public(), @RequirePermission(…), @ForSelf() or @AccessByRecord(). A new feature therefore cannot forget its scope.
 */
@Injectable()
export class AccessDeclarationsCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = this.undeclaredRoutes();
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access declaration (@Public, @RequirePermission, @ForSelf or @AccessByRecord): ${undeclared.join(', ')}`,
      );
    }
  }

  undeclaredRoutes(): string[] {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype;
      const prototype = wrapper.instance ? Object.getPrototypeOf(wrapper.instance) : null;
      if (!controller || !prototype) continue;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[methodName];
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const targets = [handler, controller];
        const declared =
          this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ||
          this.reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, targets) ||
          this.reflector.getAllAndOverride<boolean>(FOR_SELF, targets) ||
          this.reflector.getAllAndOverride<boolean>(BY_RECORD, targets);
        if (!declared) {
          undeclared.push(`${controller.name}.${methodName} (${Reflect.getMetadata(PATH_METADATA, handler) ?? ''})`);
        }
      }
    }
    return undeclared;
  }
}
