import { type Located, locateBun, locateChromium, locateDeno, type RuntimeName } from './runtimes'
import { missingBuild, type SmokePackage, smokePackages } from './smoke-packages'

/** The runtimes of the matrix, in the order the cases run. */
export const RUNTIMES: readonly RuntimeName[] = ['node', 'bun', 'deno', 'workerd', 'chromium']

/** What can run on this machine right now, and why the rest cannot. */
export interface MatrixPlan {
  located: Record<RuntimeName, Located>
  /** Why a runtime is unavailable, or `null`. */
  missingRuntime(runtime: RuntimeName): string | null
  /** Why nothing can run (the mock server is not built), or `null`. */
  mockMissing: string | null
  /** Why a smoke case cannot run, or `null`. */
  skipReason(runtime: RuntimeName, pkg: SmokePackage): string | null
  /** Why a story needing these package builds (and runtime) cannot run, or `null`. */
  storySkipReason(runtime: RuntimeName, ...dirs: string[]): string | null
  /** One plain line per runtime or package that will be skipped entirely. */
  announcements: string[]
}

/** Looks for the runtimes and the builds (it runs `bun --version` and `deno --version`). */
export function planMatrix(): MatrixPlan {
  const located: Record<RuntimeName, Located> = {
    node: { path: process.execPath },
    bun: locateBun(),
    deno: locateDeno(),
    workerd: { path: 'miniflare (in-process)' },
    chromium: locateChromium(),
  }
  const missingRuntime = (runtime: RuntimeName) => {
    const where = located[runtime]
    return 'missing' in where ? where.missing : null
  }
  const mockMissing = missingBuild('mock-server')
  const announcements: string[] = []
  for (const runtime of RUNTIMES) {
    const reason = missingRuntime(runtime)
    if (reason) announcements.push(`${runtime} suite skipped: ${reason}`)
  }
  if (mockMissing) announcements.push(`runtime matrix skipped: the mock server is not built (${mockMissing})`)
  else
    for (const pkg of smokePackages) {
      const reason = missingBuild(pkg.dir)
      if (reason) announcements.push(`${pkg.dir} smoke skipped on every runtime: ${reason}`)
    }
  return {
    located,
    missingRuntime,
    mockMissing,
    skipReason: (runtime, pkg) =>
      mockMissing ?? missingRuntime(runtime) ?? missingBuild(pkg.dir) ?? pkg.notFor?.[runtime] ?? null,
    storySkipReason: (runtime, ...dirs) =>
      mockMissing ?? missingRuntime(runtime) ?? dirs.map(missingBuild).find((reason) => reason) ?? null,
    announcements,
  }
}
