import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Miniflare, type WorkerOptions } from 'miniflare'
import type { SmokeContext, SmokeOutcome } from './smoke-outcome'

/** A date this miniflare's workerd supports; no compatibility flags (no nodejs_compat), as a plain worker has. */
export const COMPATIBILITY_DATE = '2026-04-20'

const hostSource = readFileSync(fileURLToPath(new URL('./workerd-host.mjs', import.meta.url)), 'utf8')

/** A worker besides the smoke host, e.g. the edge-function example; the first one gets `dispatchFetch`. */
export interface ExtraWorker {
  name: string
  /** The bundled worker (one ESM file). */
  file: string
  bindings: Record<string, string>
}

/** One Miniflare (one workerd process) for the whole matrix. */
export interface WorkerdMatrix {
  miniflare: Miniflare
  /** Runs a package's smoke bundle inside workerd. */
  runSmoke(dir: string, context: SmokeContext): Promise<SmokeOutcome>
  dispose(): Promise<void>
}

/**
 * Starts workerd with a smoke host worker whose modules are the given smoke bundles (`dir` -> bundled file, all
 * in `bundleDir`), plus `extra` workers in front of it.
 */
export async function startWorkerd(
  bundleDir: string,
  smokeBundles: ReadonlyMap<string, string>,
  extra: ExtraWorker[] = [],
): Promise<WorkerdMatrix> {
  const smokeHost: WorkerOptions = {
    name: 'smoke-host',
    compatibilityDate: COMPATIBILITY_DATE,
    modulesRoot: bundleDir,
    modules: [
      { type: 'ESModule', path: join(bundleDir, 'workerd-host.mjs'), contents: hostSource },
      ...[...smokeBundles].map(([dir, file]) => ({
        type: 'ESModule' as const,
        path: join(bundleDir, 'smoke', `${dir}.mjs`),
        contents: readFileSync(file, 'utf8'),
      })),
    ],
  }
  const workers: WorkerOptions[] = extra.map((worker) => ({
    name: worker.name,
    compatibilityDate: COMPATIBILITY_DATE,
    modulesRoot: bundleDir,
    modules: [
      {
        type: 'ESModule',
        path: join(bundleDir, `${worker.name}.mjs`),
        contents: readFileSync(worker.file, 'utf8'),
      },
    ],
    bindings: worker.bindings,
  }))
  const miniflare = new Miniflare({ host: '127.0.0.1', workers: [...workers, smokeHost] })
  await miniflare.ready
  // Typed through @cloudflare/workers-types, which is not installed: it is a fetch-like service binding.
  const host = (await miniflare.getWorker('smoke-host')) as unknown as { fetch: typeof fetch }
  return {
    miniflare,
    async runSmoke(dir, context) {
      const response = await host.fetch('http://smoke-host/run', {
        method: 'POST',
        body: JSON.stringify({ package: dir, context }),
      })
      return (await response.json()) as SmokeOutcome
    },
    dispose: () => miniflare.dispose(),
  }
}
