#!/usr/bin/env node
import { CLI_USAGE, parseCliArgs } from './parse-cli-args'
import { startMockServer } from './start-mock-server'
import type { MockServer } from './types'

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>
  try {
    command = parseCliArgs(process.argv.slice(2))
  } catch (error) {
    console.error((error as Error).message)
    process.exitCode = 2
    return
  }
  if (command.kind === 'help') return void console.log(CLI_USAGE)
  // Handlers go in before anything is printed: a script that signals as soon as it reads the line must
  // still get a clean shutdown.
  let server: MockServer | undefined
  const stop = () => {
    void (server?.close() ?? Promise.resolve()).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  server = await startMockServer(command.options)
  // The lines a user pastes into a shell or a .env file; the API lives under /v1, and the mock takes any key.
  console.log(
    `openai-mock listening on ${server.url}\n\nPoint a client at it (shell or .env):\n\n` +
      `OPENAI_BASE_URL=${server.baseURL}\nOPENAI_API_KEY=anything\n`,
  )
}

main().catch((error: Error) => {
  console.error(`openai-mock could not start: ${error.message}`)
  process.exit(1)
})
