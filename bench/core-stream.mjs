// Core's `Stream` from the built package, for benchmarks that time the decoder alone. Core loads it lazily (a
// `stream-<hash>.js` chunk imported on the first `stream: true` call) and may not export it from its entry.
import { readdirSync } from 'node:fs'
import * as core from '../packages/core/dist/index.js'

async function lazyStream() {
  const dist = new URL('../packages/core/dist/', import.meta.url)
  const chunk = readdirSync(dist).find((name) => /^stream-[\w-]+\.js$/.test(name))
  if (!chunk) throw new Error('packages/core/dist has no stream chunk: build core first (pnpm build)')
  return (await import(new URL(chunk, dist).href)).Stream
}

/** Core's SSE `Stream` class, as `request(..., { stream: true })` uses it. */
export const Stream = core.Stream ?? (await lazyStream())
