// One cold start of ours, run in a fresh process by cold-start.mjs: import core + responses, create a client, make
// one call and exit (`--import-only`: stop after creating the client, the design budget's definition).
// Reads OPENAI_API_KEY and OPENAI_BASE_URL from the environment, as an app would. Prints its own split on stdout.
const started = performance.now()
const [{ createClient }, { createResponse }] = await Promise.all([
  import('../packages/core/dist/index.js'),
  import('../packages/responses/dist/index.js'),
])
const client = createClient()
const imported = performance.now()
if (!process.argv.includes('--import-only')) {
  const response = await createResponse(client, { model: 'gpt-5.2', input: 'hi' })
  if (response.output_text !== 'Hello! You said: hi')
    throw new Error(`unexpected answer: ${response.output_text}`)
}
const called = performance.now()
console.log(JSON.stringify({ bootMs: started, importMs: imported - started, callMs: called - imported }))
