import type { MockServerOptions } from './types'

/** What the command line asked for. */
export type CliCommand = { kind: 'start'; options: Required<MockServerOptions> } | { kind: 'help' }

/** Usage text of `openai-mock`. */
export const CLI_USAGE = `Usage: openai-mock [--port 4010] [--host 127.0.0.1] [--no-auth]

Starts a local OpenAI-compatible server with scripted faults.
  --port <n>   port to listen on (0 picks a free one; default 4010)
  --host <h>   interface to bind (default 127.0.0.1)
  --no-auth    accept /v1 requests without an Authorization header
  --help       show this text`

/** Parses `openai-mock` arguments; throws an `Error` naming the bad argument. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const options: Required<MockServerOptions> = { port: 4010, host: '127.0.0.1', requireAuth: true }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i]]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new Error(`${flag} needs a value. ${CLI_USAGE.split('\n')[0]}`)
      return v
    }
    if (flag === '--help' || flag === '-h') return { kind: 'help' }
    else if (flag === '--no-auth') options.requireAuth = false
    else if (flag === '--host') options.host = value()
    else if (flag === '--port') {
      const raw = value()
      const port = Number(raw)
      if (!/^\d+$/.test(raw) || port > 65535)
        throw new Error(`--port must be a number from 0 to 65535, got "${raw}".`)
      options.port = port
    } else throw new Error(`Unknown argument "${argv[i]}". ${CLI_USAGE.split('\n')[0]}`)
  }
  return { kind: 'start', options }
}
