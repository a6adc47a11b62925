import type { RecordedRequest, SubscribeCounts } from './fake-state';
import type { FakeRuntimeSettings, FakeStateSnapshot } from './fake-wechat';
import { CONTROL_PREFIX } from './fake-wechat';
import type { FakeFault } from './faults';

export interface RemoteRequests {
  count: number;
  counts: Record<string, number>;
  requests: RecordedRequest[];
}

/** Drives a fake running in another process (e.g. the one the dev start command launched) through `/__fake/`. */
export class FakeWechatRemote {
  constructor(readonly url: string) {}

  async requests(path?: string): Promise<RemoteRequests> {
    const search = path === undefined ? '' : `?${new URLSearchParams({ path })}`;
    return (await this.call('GET', `requests${search}`)) as RemoteRequests;
  }

  async requestCount(path?: string): Promise<number> {
    return (await this.requests(path)).count;
  }

  async subscribeCounts(): Promise<SubscribeCounts> {
    return (await this.call('GET', 'subscribe-counts')) as SubscribeCounts;
  }

  async injectFault(fault: FakeFault | FakeFault[]): Promise<void> {
    await this.call('POST', 'faults', fault);
  }

  async configure(settings: FakeRuntimeSettings): Promise<void> {
    await this.call('POST', 'config', settings);
  }

  async state(): Promise<FakeStateSnapshot> {
    return (await this.call('GET', 'state')) as FakeStateSnapshot;
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  private async call(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url.replace(/\/+$/, '')}${CONTROL_PREFIX}${route}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      signal: AbortSignal.timeout(5000),
    });
    const payload = (await response.json()) as unknown;
    if (!response.ok) {
      const message = (payload as { error?: unknown }).error;
      throw new Error(`fake-wechat ${method} ${route} failed (${response.status}): ${String(message)}`);
    }
    return payload;
  }
}

export function connectFakeWechat(url: string): FakeWechatRemote {
  return new FakeWechatRemote(url);
}
