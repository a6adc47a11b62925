import { AuthErrorCode, HazardErrorCode } from '@ankang/shared';
import { apiError, fakeApi, NetworkDown, ok, signIn, tokenPair } from '../../test/fake-api';
import { reLaunch, uploadFile } from '../../test/mocks/taro';
import { ApiError, ClientErrorCode } from './errors';
import { readTokens } from './tokens';
import { uploadAuthorized } from './upload';

const PHOTO = { path: '/hazard-photos', filePath: 'wxfile://tmp/a.jpg', name: 'file', formData: { kind: 'report' } };

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the upload to fail');
}

describe('uploads (Taro.uploadFile)', () => {
  it('sends the file with the bearer token to the target’s base URL and reads the JSON answer', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn('a');
    const api = fakeApi({ 'POST /hazard-photos': ok({ id: 'p-1' }, 201) });

    await expect(uploadAuthorized({ ...PHOTO, clientKey: 'key-1' })).resolves.toEqual({ id: 'p-1' });

    expect(uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'http://127.0.0.1:3000/api/v1/hazard-photos',
        filePath: 'wxfile://tmp/a.jpg',
        name: 'file',
        formData: { kind: 'report' },
      }),
    );
    expect(api.calls[0].header).toMatchObject({ Authorization: 'Bearer access-a', 'Idempotency-Key': 'key-1' });
  });

  it('refreshes an expired token once and uploads again with the new one', async () => {
    signIn('old');
    const api = fakeApi({
      'POST /hazard-photos': (req) =>
        req.header.Authorization === 'Bearer access-new'
          ? ok({ id: 'p-1' }, 201)
          : apiError(401, AuthErrorCode.AccessTokenExpired),
      'POST /auth/refresh': ok(tokenPair('new')),
    });
    await expect(uploadAuthorized(PHOTO)).resolves.toEqual({ id: 'p-1' });
    expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
    expect(readTokens()?.accessToken).toBe('access-new');
  });

  it('sends the person to login when the session is gone', async () => {
    signIn('old');
    fakeApi({
      'POST /hazard-photos': apiError(401, AuthErrorCode.AccessTokenExpired),
      'POST /auth/refresh': apiError(401, AuthErrorCode.RefreshTokenInvalid),
    });
    const error = await caught(uploadAuthorized(PHOTO));
    expect(error.code).toBe(AuthErrorCode.RefreshTokenInvalid);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('gives the server’s coded Chinese error', async () => {
    signIn();
    fakeApi({ 'POST /hazard-photos': apiError(415, HazardErrorCode.PhotoTypeNotAllowed) });
    const error = await caught(uploadAuthorized(PHOTO));
    expect(error.code).toBe(HazardErrorCode.PhotoTypeNotAllowed);
    expect(error.message).toBe('只能上传 JPEG、PNG 或 WebP 格式的照片');
    expect(error.status).toBe(415);
  });

  it('re-sends a keyed upload after network failures, and an unkeyed one never', async () => {
    signIn();
    fakeApi({ 'POST /hazard-photos': ok({ id: 'p-1' }, 201) });
    uploadFile.mockRejectedValueOnce(new NetworkDown()).mockRejectedValueOnce(new NetworkDown());
    await expect(uploadAuthorized({ ...PHOTO, clientKey: 'key-1' })).resolves.toEqual({ id: 'p-1' });
    expect(uploadFile).toHaveBeenCalledTimes(3);

    uploadFile.mockClear();
    uploadFile.mockRejectedValueOnce(new NetworkDown());
    const error = await caught(uploadAuthorized(PHOTO));
    expect(error.code).toBe(ClientErrorCode.Network);
    expect(uploadFile).toHaveBeenCalledTimes(1);
  });

  it('does not take a page that is not the API’s JSON for a success', async () => {
    signIn();
    uploadFile.mockResolvedValueOnce({ statusCode: 200, data: '<html>portal</html>', errMsg: 'uploadFile:ok' });
    const error = await caught(uploadAuthorized(PHOTO));
    expect(error.code).toBe(ClientErrorCode.BadResponse);
  });

  describe('on H5 (fetch + FormData)', () => {
    const blob = new Blob(['png-bytes'], { type: 'image/png' });

    it('posts the bytes with the fields, the bearer token and the client key', async () => {
      signIn('a');
      const api = fakeApi({ 'POST /hazard-photos': ok({ id: 'p-1' }, 201) });

      await expect(uploadAuthorized({ ...PHOTO, blob, fileName: 'photo.jpg', clientKey: 'key-1' })).resolves.toEqual({
        id: 'p-1',
      });

      expect(uploadFile).not.toHaveBeenCalled();
      const [call] = api.calls;
      expect(call.url).toBe('/api/v1/hazard-photos');
      expect(call.data).toEqual({ kind: 'report' });
      expect([call.fileName, call.file?.size]).toEqual(['photo.jpg', 9]);
      expect(call.header).toEqual({
        Accept: 'application/json',
        Authorization: 'Bearer access-a',
        'Idempotency-Key': 'key-1',
      });
    });

    it('gives the server’s coded error, and a network error when nothing answers', async () => {
      signIn();
      fakeApi({ 'POST /hazard-photos': apiError(413, HazardErrorCode.PhotoTooLarge) });
      const refused = await caught(uploadAuthorized({ ...PHOTO, blob }));
      expect(refused.code).toBe(HazardErrorCode.PhotoTooLarge);
      expect(refused.message).toBe('照片不能超过 10 MB');

      const api = fakeApi({
        'POST /hazard-photos': () => {
          throw new NetworkDown();
        },
      });
      const offline = await caught(uploadAuthorized({ ...PHOTO, blob, clientKey: 'key-1' }));
      expect(offline.code).toBe(ClientErrorCode.Network);
      expect(api.calls).toHaveLength(3);
    });
  });
});
