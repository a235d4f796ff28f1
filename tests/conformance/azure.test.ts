// Conformance: the official `AzureOpenAI` client and `azureClient` make the same calls against one recording mock
// server (which serves Azure's /openai/ shape); the requests must agree on method, path (deployment routing),
// query (api-version), body and credentials (api-key or an Entra bearer token).

import { createSpeech, createTranscription, createTranslation } from '@acme/openai-audio'
import { azureClient } from '@acme/openai-azure'
import { createBatch, listBatches } from '@acme/openai-batches'
import { createChatCompletion } from '@acme/openai-chat'
import { type Client, request } from '@acme/openai-core'
import { toFile } from '@acme/openai-core/multipart'
import { createEmbedding } from '@acme/openai-embeddings'
import { uploadFile } from '@acme/openai-files'
import { editImage, generateImage } from '@acme/openai-images'
import { type MockServer, type RecordedRequest, startMockServer } from '@acme/openai-mock'
import { createResponse } from '@acme/openai-responses'
import { AzureOpenAI } from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { multipartFields } from './multipart'
import { recordOne } from './recorded'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const API_VERSION = '2024-10-21'
const messages = [{ role: 'user' as const, content: 'Hi' }]
const audio = () => new File([new Uint8Array([82, 73, 70, 70])], 'a.wav', { type: 'audio/wav' })
const png = () => new File([new Uint8Array([137, 80, 78, 71])], 'a.png', { type: 'image/png' })

/** What must agree: multipart bodies are compared as their fields (the boundary differs by design). */
async function essentials(recorded: RecordedRequest) {
  const type = recorded.headers['content-type'] ?? ''
  const body = type.startsWith('multipart/form-data') ? await multipartFields(recorded) : recorded.json
  return {
    method: recorded.method,
    path: recorded.path,
    query: recorded.query,
    body,
    'content-type': type.split(';')[0],
    'api-key': recorded.headers['api-key'],
    authorization: recorded.headers.authorization,
  }
}

type Official = InstanceType<typeof AzureOpenAI>
interface Row {
  name: string
  official: (client: Official) => Promise<unknown>
  ours: (client: Client) => Promise<unknown>
}

const routed: Row[] = [
  {
    name: 'completions',
    official: (c) => c.completions.create({ model: 'dep-instruct', prompt: 'Say hi' }),
    ours: (c) =>
      request(c, {
        method: 'post',
        path: '/completions',
        body: { model: 'dep-instruct', prompt: 'Say hi' },
        operation: 'createCompletion',
      }),
  },
  {
    name: 'chat completions',
    official: (c) => c.chat.completions.create({ model: 'dep-chat', messages }),
    ours: (c) => createChatCompletion(c, { model: 'dep-chat', messages }),
  },
  {
    name: 'embeddings',
    official: (c) => c.embeddings.create({ model: 'dep-embed', input: 'hello' }),
    ours: (c) => createEmbedding(c, { model: 'dep-embed', input: 'hello' }),
  },
  {
    name: 'audio transcriptions (multipart)',
    official: (c) => c.audio.transcriptions.create({ model: 'dep-whisper', file: audio() }),
    ours: (c) => createTranscription(c, { model: 'dep-whisper', file: audio() }),
  },
  {
    name: 'audio translations (multipart)',
    official: (c) => c.audio.translations.create({ model: 'dep-whisper', file: audio() }),
    ours: (c) => createTranslation(c, { model: 'dep-whisper', file: audio() }),
  },
  {
    name: 'audio speech',
    official: (c) => c.audio.speech.create({ model: 'dep-tts', input: 'Hi', voice: 'alloy' }),
    ours: (c) => createSpeech(c, { model: 'dep-tts', input: 'Hi', voice: 'alloy' }),
  },
  {
    name: 'image generations',
    official: (c) => c.images.generate({ model: 'dep-image', prompt: 'a cat' }),
    ours: (c) => generateImage(c, { model: 'dep-image', prompt: 'a cat' }),
  },
  {
    name: 'image edits (multipart)',
    official: (c) => c.images.edit({ model: 'dep-image', image: png(), prompt: 'hat' }),
    ours: (c) => editImage(c, { model: 'dep-image', image: png(), prompt: 'hat' }),
  },
  {
    name: 'batches',
    official: (c) =>
      c.batches.create({
        input_file_id: 'file-1',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        model: 'dep-batch',
      } as never),
    ours: (c) =>
      createBatch(c, {
        input_file_id: 'file-1',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        model: 'dep-batch',
      } as never),
  },
]

const notRouted: Row[] = [
  {
    name: 'responses (POST, not a deployment endpoint)',
    official: (c) => c.responses.create({ model: 'dep-chat', input: 'Hi' }),
    ours: (c) => createResponse(c, { model: 'dep-chat', input: 'Hi' }),
  },
  {
    name: 'file upload (multipart, not a deployment endpoint)',
    official: (c) => c.files.create({ file: audio(), purpose: 'assistants' }),
    ours: (c) => uploadFile(c, { file: audio(), purpose: 'assistants' }),
  },
  {
    name: 'batches list (GET)',
    official: (c) => c.batches.list({ limit: 2 }),
    ours: (c) => listBatches(c, { limit: 2 }),
  },
]

type Options = ConstructorParameters<typeof AzureOpenAI>[0] & Parameters<typeof azureClient>[0]
async function compare(row: Row, options: Options = {}) {
  const common = { endpoint: mock.url, apiVersion: API_VERSION, maxRetries: 0, ...options }
  const creds = options.azureADTokenProvider ? {} : { apiKey: 'azure-key' }
  const official = new AzureOpenAI({ ...creds, ...common } as never)
  const ours = azureClient({ ...creds, ...common })
  const theirs = await essentials(await recordOne(mock, () => row.official(official)))
  const mine = await essentials(await recordOne(mock, () => row.ours(ours)))
  expect(mine).toEqual(theirs)
  return mine
}

describe('azureClient against the official AzureOpenAI (key mode)', () => {
  for (const row of routed)
    it(`routes ${row.name} to its deployment`, async () => {
      const sent = await compare(row)
      expect(sent.path).toMatch(/^\/openai\/deployments\/dep-[a-z]+\//)
      expect(sent.query).toEqual({ 'api-version': API_VERSION })
      expect(sent['api-key']).toBe('azure-key')
      expect(sent.authorization).toBeUndefined()
    })

  for (const row of notRouted)
    it(`leaves ${row.name} unrouted`, async () => {
      const sent = await compare(row)
      expect(sent.path).not.toContain('/deployments/')
    })

  it("uses the client's deployment over the body's model", async () => {
    const sent = await compare(routed[1], { deployment: 'fixed' })
    expect(sent.path).toBe('/openai/deployments/fixed/chat/completions')
  })

  it('keeps a hostile deployment name in one encoded segment', async () => {
    const row: Row = {
      name: 'hostile',
      official: (c) => c.chat.completions.create({ model: '../../admin', messages }),
      ours: (c) => createChatCompletion(c, { model: '../../admin', messages }),
    }
    const sent = await compare(row)
    expect(sent.path).toBe('/openai/deployments/..%2F..%2Fadmin/chat/completions')
    // (Sub-delimiters such as `=` or `@` differ: the official client keeps them, encodeURIComponent escapes them.)
    const fixed = await compare(routed[2], { deployment: '../admin?x#y' })
    expect(fixed.path).toBe('/openai/deployments/..%2Fadmin%3Fx%23y/embeddings')
  })

  it('routes a multipart call whose file is a stream by the model the caller passed', async () => {
    // A stream is sent as it is read, so the body shows no form fields: the route comes from the call's params.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([82, 73, 70, 70]))
        controller.close()
      },
    })
    const client = azureClient({ endpoint: mock.url, apiVersion: API_VERSION, apiKey: 'azure-key' })
    const file = await toFile(stream, 'a.wav', { type: 'audio/wav' })
    const sent = await recordOne(mock, () => createTranscription(client, { model: 'dep-whisper', file }))
    expect(sent.path).toBe('/openai/deployments/dep-whisper/audio/transcriptions')
  })

  it('leaves a base URL that names a deployment alone', async () => {
    const sent = await compare(routed[1], {
      endpoint: undefined,
      baseURL: `${mock.url}/openai/deployments/pinned`,
    })
    expect(sent.path).toBe('/openai/deployments/pinned/chat/completions')
  })
})

describe('azureClient against the official AzureOpenAI (Entra ID mode)', () => {
  const azureADTokenProvider = async () => 'entra-token'

  for (const row of [routed[1], routed[3], notRouted[0]])
    it(`sends ${row.name} with the bearer token and no api-key`, async () => {
      const sent = await compare(row, { azureADTokenProvider })
      expect(sent.authorization).toBe('Bearer entra-token')
      expect(sent['api-key']).toBeUndefined()
    })
})
