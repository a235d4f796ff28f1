import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The runtimes of the matrix. */
export type RuntimeName = 'node' | 'bun' | 'deno' | 'workerd' | 'chromium'

/** How esbuild bundles for a runtime: the `exports` conditions it honours and the platform. */
export interface BundleTarget {
  conditions: string[]
  platform: 'node' | 'browser'
}

/** Per runtime, the conditions its own resolver (or the bundler its users run) would pick. */
export const bundleTargets: Record<RuntimeName, BundleTarget> = {
  node: { conditions: ['node'], platform: 'node' },
  bun: { conditions: ['bun'], platform: 'node' },
  deno: { conditions: ['deno'], platform: 'node' },
  workerd: { conditions: ['workerd', 'worker', 'browser'], platform: 'browser' },
  chromium: { conditions: ['browser'], platform: 'browser' },
}

/** Debian's chromium; `.ci/run` installs it with apt. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

const require = createRequire(import.meta.url)

/** Where a runtime's executable is, or why it is not usable here (the matrix then skips that runtime). */
export type Located = { path: string } | { missing: string }

/** The Bun binary the `bun` npm package ships (`bun/bin/bun.exe`, put in place by its install script). */
export function locateBun(): Located {
  try {
    return checked(join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe'), 'bun')
  } catch {
    return { missing: 'the bun package is not installed' }
  }
}

/** The Deno binary of the `deno` npm package (linked from its platform package on first use, as its own shim does). */
export function locateDeno(): Located {
  try {
    const { runInstall } = require('deno/install_api.cjs') as { runInstall(): string }
    return checked(runInstall(), 'deno')
  } catch {
    return { missing: 'the deno package or its platform binary is not installed' }
  }
}

/** The executable of a runtime already known to be present. */
export function pathOf(where: Located): string {
  if ('missing' in where) throw new Error(`not available: ${where.missing}`)
  return where.path
}

/** How to get the browser the chromium suite needs (printed where that suite is skipped). */
export const CHROMIUM_INSTALL_HINT =
  'install it with `sudo apt-get install chromium` (Debian/Ubuntu; .ci/run does this)'

/** Debian's chromium, if installed. */
export function locateChromium(path = CHROMIUM_PATH): Located {
  return existsSync(path) ? { path } : { missing: `${path} not found; ${CHROMIUM_INSTALL_HINT}` }
}

function checked(path: string, name: string): Located {
  const run = spawnSync(path, ['--version'], { timeout: 20_000, encoding: 'utf8' })
  return run.status === 0
    ? { path }
    : { missing: `${name} at ${path} does not run (${run.error ?? run.stderr})` }
}
