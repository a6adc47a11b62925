/**
 * The part of IndexedDB the phone's photo keeping uses (open with an upgrade, one object store,
 * put/get/delete in a transaction), in memory and asynchronous like the real one. jsdom has none.
 */
type Handler = (() => void) | null;

interface FakeRequest {
  result: unknown;
  error: Error | null;
  onsuccess: Handler;
  onerror: Handler;
  onupgradeneeded: Handler;
}

function request(): FakeRequest {
  return { result: undefined, error: null, onsuccess: null, onerror: null, onupgradeneeded: null };
}

/** Installs a fresh fake on `globalThis.indexedDB`; answers the stores' contents for assertions. */
export function installFakeIndexedDb(): { store(database: string, name: string): Map<string, unknown> } {
  const databases = new Map<string, Map<string, Map<string, unknown>>>();
  const fake = {
    open(name: string) {
      const opening = request();
      setTimeout(() => {
        let stores = databases.get(name);
        const created = !stores;
        if (!stores) {
          stores = new Map();
          databases.set(name, stores);
        }
        const known = stores;
        opening.result = {
          objectStoreNames: { contains: (store: string) => known.has(store) },
          createObjectStore: (store: string) => known.set(store, new Map()),
          close: () => undefined,
          transaction(storeName: string) {
            const data = known.get(storeName);
            if (!data) {
              throw new Error(`NotFoundError: ${storeName}`);
            }
            const transaction = {
              error: null,
              oncomplete: null as Handler,
              onerror: null as Handler,
              onabort: null as Handler,
              objectStore: () => ({
                put: (value: unknown, key: string) => settle(() => data.set(key, value) && key),
                get: (key: string) => settle(() => data.get(key)),
                delete: (key: string) => settle(() => data.delete(key) && undefined),
              }),
            };
            function settle(work: () => unknown): FakeRequest {
              const pending = request();
              pending.result = work();
              setTimeout(() => {
                pending.onsuccess?.();
                transaction.oncomplete?.();
              }, 0);
              return pending;
            }
            return transaction;
          },
        };
        if (created) {
          opening.onupgradeneeded?.();
        }
        opening.onsuccess?.();
      }, 0);
      return opening;
    },
  };
  Object.defineProperty(globalThis, 'indexedDB', { value: fake, configurable: true, writable: true });
  return {
    store(database: string, name: string) {
      return databases.get(database)?.get(name) ?? new Map();
    },
  };
}
