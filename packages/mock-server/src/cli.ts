#!/usr/bin/env node
import { CLI_USAGE, parseCliArgs } from './parse-cli-args'
import { startMockServer } from './start-mock-server'

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
  const server = await startMockServer(command.options)
  console.log(`openai-mock listening on ${server.url}`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: Error) => {
  console.error(`openai-mock could not start: ${error.message}`)
  process.exit(1)
})
