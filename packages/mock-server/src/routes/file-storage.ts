import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type MockState, storeFor } from '../mock-state'

const dirs = new WeakMap<MockState, string>()

/**
 * The temp directory (under `os.tmpdir()`) holding this server's uploaded bytes, made on first use and deleted
 * when the server closes.
 */
export function storageDir(state: MockState): string {
  let dir = dirs.get(state)
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'openai-mock-files-'))
    dirs.set(state, dir)
    const made = dir
    state.closing.addEventListener('abort', () => rmSync(made, { recursive: true, force: true }), {
      once: true,
    })
  }
  return dir
}

/**
 * A store whose entries own a file on disk: `reset()` (which clears every store) and `delete` remove the bytes
 * too, so nothing is left in the temp directory.
 */
export function diskStore<T extends { path: string }>(state: MockState, area: string): Map<string, T> {
  const store = storeFor<T>(state, area)
  if (!Object.hasOwn(store, 'clear')) {
    const clear = store.clear.bind(store)
    const remove = store.delete.bind(store)
    store.clear = () => {
      for (const entry of store.values()) rmSync(entry.path, { force: true })
      clear()
    }
    store.delete = (key) => {
      const entry = store.get(key)
      if (entry) rmSync(entry.path, { force: true })
      return remove(key)
    }
  }
  return store
}
