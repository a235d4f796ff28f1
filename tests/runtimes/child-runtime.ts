import { execFile } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { SmokeContext, SmokeOutcome } from './smoke-outcome'

const host = fileURLToPath(new URL('./child-host.mjs', import.meta.url))
const MARKER = 'SMOKE_REPORT '

/** How to start one of the command-line runtimes on `child-host.mjs`. */
export interface ChildRuntime {
  /** The executable. */
  command: string
  /** Arguments before the host script (permissions, flags). */
  flags: string[]
}

/** Node, Bun or Deno; Deno locked down to 127.0.0.1, the bundles and two variables of ws. */
export function childRuntime(
  name: 'node' | 'bun' | 'deno',
  command: string,
  bundleDir: string,
): ChildRuntime {
  if (name === 'deno')
    return {
      command,
      flags: [
        'run',
        '--quiet',
        '--no-prompt',
        '--no-config',
        '--no-lock',
        '--no-npm',
        '--no-remote',
        '--allow-net=127.0.0.1',
        `--allow-read=${bundleDir}`,
        // ws (inside the mock server) reads these two at load time; nothing else may read the environment.
        '--allow-env=WS_NO_BUFFER_UTIL,WS_NO_UTF_8_VALIDATE',
      ],
    }
  // Bun would otherwise try to install any bare import it cannot resolve.
  if (name === 'bun') return { command, flags: ['--no-install'] }
  return { command, flags: [] }
}

/**
 * Runs a smoke bundle in a child process and reads its report. The child gets a clean environment (no
 * OPENAI_* variables from the caller, HOME and caches in `workDir`) and is killed after `timeoutMs`.
 */
export function runInChild(
  runtime: ChildRuntime,
  bundle: string,
  context: SmokeContext,
  options: { workDir: string; timeoutMs: number },
): Promise<SmokeOutcome> {
  const args = [...runtime.flags, host, pathToFileURL(bundle).href, JSON.stringify(context)]
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: options.workDir,
    DENO_DIR: `${options.workDir}/deno-cache`,
    DENO_NO_UPDATE_CHECK: '1',
    DO_NOT_TRACK: '1',
    NO_COLOR: '1',
  }
  return new Promise((resolve) => {
    execFile(
      runtime.command,
      args,
      { cwd: options.workDir, env, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 << 20 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(MARKER))
        if (line) return resolve(JSON.parse(line.slice(MARKER.length)))
        const how = error?.killed ? `killed after ${options.timeoutMs} ms` : `exit code ${error?.code ?? 0}`
        resolve({
          ok: false,
          error: `no report (${how}).\nstdout: ${stdout.trim()}\nstderr: ${stderr.trim()}`,
        })
      },
    )
  })
}
