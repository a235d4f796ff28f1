// One cold start of the official client, run in a fresh process by cold-start.mjs: import, create a client, make
// one call and exit (`--import-only`: stop after creating the client).
// Reads OPENAI_API_KEY and OPENAI_BASE_URL from the environment, as an app would. Prints its own split on stdout.
const started = performance.now()
const { default: OpenAI } = await import('openai')
const client = new OpenAI()
const imported = performance.now()
if (!process.argv.includes('--import-only')) {
  const response = await client.responses.create({ model: 'gpt-5.2', input: 'hi' })
  if (response.output_text !== 'Hello! You said: hi')
    throw new Error(`unexpected answer: ${response.output_text}`)
}
const called = performance.now()
console.log(JSON.stringify({ bootMs: started, importMs: imported - started, callMs: called - imported }))
