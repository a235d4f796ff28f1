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
  console.log(`openai-mock listening on ${server.url}`)
}

main().catch((error: Error) => {
  console.error(`openai-mock could not start: ${error.message}`)
  process.exit(1)
})
