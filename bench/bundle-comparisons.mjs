// Equivalent snippets: what an app imports from us, and from the official SDK, to do the same thing.
const officialClient = `import OpenAI from 'openai'
const c = new OpenAI({ apiKey: 'x', dangerouslyAllowBrowser: true })`

export const comparisons = [
  {
    name: 'a client and one GET (core request)',
    ours: `import { createClient, request } from '@acme/openai-core'
export const f = () => request(createClient({ apiKey: 'x', dangerouslyAllowBrowser: true }), { method: 'get', path: '/models' })`,
    official: `${officialClient}
export const f = () => c.models.list()`,
  },
  {
    name: 'one error class',
    ours: `export { RateLimitError } from '@acme/openai-core'`,
    official: `export { RateLimitError } from 'openai'`,
  },
  {
    name: 'createResponse (one Responses call)',
    ours: `import { createClient } from '@acme/openai-core'
import { createResponse } from '@acme/openai-responses'
export const f = () => createResponse(createClient({ apiKey: 'x', dangerouslyAllowBrowser: true }), { model: 'm', input: 'hi' })`,
    official: `${officialClient}
export const f = () => c.responses.create({ model: 'm', input: 'hi' })`,
  },
  {
    name: 'streamResponse (Responses streaming helper)',
    ours: `import { createClient } from '@acme/openai-core'
import { streamResponse } from '@acme/openai-responses'
export const f = () => streamResponse(createClient({ apiKey: 'x', dangerouslyAllowBrowser: true }), { model: 'm', input: 'hi' })`,
    official: `${officialClient}
export const f = () => c.responses.stream({ model: 'm', input: 'hi' })`,
  },
  {
    // Ours through the subpath a browser build resolves to (scripts/bundle-size.mjs does not read "exports").
    name: 'realtime: open a browser WebSocket session',
    ours: `import { createClient } from '@acme/openai-core'
import { connectRealtime } from '@acme/openai-realtime/browser'
export const f = () => connectRealtime(createClient({ apiKey: 'ek_x', dangerouslyAllowBrowser: true }), { model: 'gpt-realtime' })`,
    official: `${officialClient}
import { OpenAIRealtimeWebSocket } from 'openai/realtime/websocket'
export const f = () => new OpenAIRealtimeWebSocket({ model: 'gpt-realtime' }, c)`,
  },
  {
    name: 'realtime: create an ephemeral key',
    ours: `import { createClient } from '@acme/openai-core'
import { createClientSecret } from '@acme/openai-realtime/browser'
export const f = () => createClientSecret(createClient({ apiKey: 'x', dangerouslyAllowBrowser: true }), {})`,
    official: `${officialClient}
export const f = () => c.realtime.clientSecrets.create({})`,
  },
  {
    name: 'createChatCompletion (one Chat call)',
    ours: `import { createClient } from '@acme/openai-core'
import { createChatCompletion } from '@acme/openai-chat'
export const f = () => createChatCompletion(createClient({ apiKey: 'x', dangerouslyAllowBrowser: true }), { model: 'm', messages: [{ role: 'user', content: 'hi' }] })`,
    official: `${officialClient}
export const f = () => c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })`,
  },
  {
    name: 'files: upload a file',
    ours: `import { createClient } from '@acme/openai-core'
import { uploadFile } from '@acme/openai-files'
export const f = (file) => uploadFile(createClient({ apiKey: 'x', dangerouslyAllowBrowser: true }), { file, purpose: 'assistants' })`,
    official: `${officialClient}
export const f = (file) => c.files.create({ file, purpose: 'assistants' })`,
  },
  {
    name: 'unwrapWebhook (verify + parse one webhook)',
    ours: `import { unwrapWebhook } from '@acme/openai-webhooks'
export const f = (body, headers) => unwrapWebhook(body, headers, { secret: 'whsec_x' })`,
    official: `import OpenAI from 'openai'
const c = new OpenAI({ apiKey: 'x', webhookSecret: 'whsec_x', dangerouslyAllowBrowser: true })
export const f = (body, headers) => c.webhooks.unwrap(body, headers)`,
  },
  {
    // Every main entry at once; the official figure is its whole main entry.
    name: 'everything (every package main entry)',
    ours: `export * from '@acme/openai-core'
export * from '@acme/openai-responses'
export * from '@acme/openai-chat'
export * from '@acme/openai-files'
export * from '@acme/openai-realtime/browser'
export * from '@acme/openai-webhooks'
export * from '@acme/openai-auth-workload'`,
    official: `export * from 'openai'
export { default } from 'openai'`,
  },
]
