import { AuthErrorCode, Permission } from '@ankang/shared';
import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ForSelf, RequirePermission } from '../src/access/access.decorators';
import { AccessDeclarationsCheck } from '../src/access/access-declarations.check';
import { Public } from '../src/auth/public.decorator';
import { createUser } from './factories/org.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

@Controller('forgotten')
class ForgottenController {
  @Get()
  list(): string[] {
    return [];
  }

  @Get('open')
  @Public()
  open(): string {
    return 'open';
  }
}

@RequirePermission(Permission.OrgRead)
@Controller('declared-on-the-class')
class ClassDeclaredController {
  @Get()
  list(): string[] {
    return [];
  }
}

@Controller('own')
class OwnRecordsController {
  @Post()
  @ForSelf()
  create(): void {}

  /** Not a route: no HTTP method decorator, so it needs no declaration. */
  helper(): void {}
}

describe('the access declarations check', () => {
  it('names every route that says neither @Public, @RequirePermission nor @ForSelf, and refuses to start', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [ForgottenController, ClassDeclaredController, OwnRecordsController],
      providers: [AccessDeclarationsCheck],
    }).compile();
    expect(moduleRef.get(AccessDeclarationsCheck).undeclaredRoutes()).toEqual([
      expect.stringContaining('ForgottenController.list'),
    ]);
    await expect(moduleRef.init()).rejects.toThrow(/ForgottenController\.list/);
    await moduleRef.close();
  });

  it('lets an application whose routes all declare their access start', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [ClassDeclaredController, OwnRecordsController],
      providers: [AccessDeclarationsCheck],
    }).compile();
    await expect(moduleRef.init()).resolves.toBe(moduleRef);
    expect(moduleRef.get(AccessDeclarationsCheck).undeclaredRoutes()).toEqual([]);
    await moduleRef.close();
  });
});

const ADMINISTRATION_ROUTES: [string, string][] = [
  ['GET', '/org-units'],
  ['GET', '/org-units/1'],
  ['POST', '/org-units'],
  ['PATCH', '/org-units/1'],
  ['POST', '/org-units/1/move'],
  ['POST', '/org-units/1/archive'],
  ['GET', '/grids'],
  ['GET', '/grids/1'],
  ['POST', '/grids'],
  ['PATCH', '/grids/1'],
  ['POST', '/grids/1/archive'],
  ['GET', '/users'],
  ['GET', '/users/1'],
  ['PATCH', '/users/1'],
  ['GET', '/role-grants'],
  ['POST', '/role-grants'],
  ['DELETE', '/role-grants/1'],
];

describe.each(testBackends())('the running app on %s', (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(backend);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has no route without an access declaration', () => {
    expect(app.app.get(AccessDeclarationsCheck).undeclaredRoutes()).toEqual([]);
  });

  it.each(ADMINISTRATION_ROUTES)(
    'asks for a login on %s %s, and refuses a person without a role',
    async (method, path) => {
      const anonymous = await request(method, `${app.baseUrl}${path}`, { body: method === 'GET' ? undefined : {} });
      expect(anonymous.status).toBe(401);
      expectErrorShape(anonymous.body, AuthErrorCode.Unauthenticated);

      const nobody = await createUser(app.dataSource, { displayName: '无角色用户' });
      const refused = await request(method, `${app.baseUrl}${path}`, {
        token: accessTokenFor(app, nobody),
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect(refused.status).toBe(403);
      expectErrorShape(refused.body, AuthErrorCode.Forbidden);
    },
  );
});
