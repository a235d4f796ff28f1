import { createChatCompletion } from '@acme/openai-chat'
import { AuthenticationError } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { azureClient } from './azure-client'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const messages = [{ role: 'user' as const, content: 'Hi' }]
const unauthorized = { match: { path: '/openai/' }, status: 401 }

function tokens() {
  let n = 0
  const provider = async () => `entra-${++n}`
  return { provider, count: () => n }
}

describe('Entra ID tokens', () => {
  it('fetches a token before every attempt, retries included', async () => {
    const { provider, count } = tokens()
    const client = azureClient({ endpoint: mock.url, apiVersion: 'v', azureADTokenProvider: provider })
    mock.enqueueFault({ match: { path: '/openai/' }, status: 500 })
    await createChatCompletion(client, { model: 'dep', messages })
    expect(count()).toBe(2)
    expect(mock.requests.map((r) => r.headers.authorization)).toEqual(['Bearer entra-1', 'Bearer entra-2'])
    expect(mock.requests[1].headers['api-key']).toBeUndefined()
  })

  it('replays a 401 once with a fresh token', async () => {
    const { provider } = tokens()
    const client = azureClient({
      endpoint: mock.url,
      apiVersion: 'v',
      azureADTokenProvider: provider,
      maxRetries: 0,
    })
    mock.enqueueFault(unauthorized)
    const completion = await createChatCompletion(client, { model: 'dep', messages })
    expect(completion.model).toBe('dep')
    expect(mock.requests.map((r) => r.headers.authorization)).toEqual(['Bearer entra-1', 'Bearer entra-2'])
  })

  it('gives up after the one replay', async () => {
    const { provider } = tokens()
    const client = azureClient({ endpoint: mock.url, apiVersion: 'v', azureADTokenProvider: provider })
    mock.enqueueFault({ ...unauthorized, times: 2 })
    await expect(createChatCompletion(client, { model: 'dep', messages })).rejects.toBeInstanceOf(
      AuthenticationError,
    )
    expect(mock.requests).toHaveLength(2)
  })
})

describe('API keys', () => {
  it('sends api-key and no Authorization, and does not replay a 401', async () => {
    const client = azureClient({ endpoint: mock.url, apiVersion: 'v', apiKey: 'azure-key' })
    mock.enqueueFault(unauthorized)
    const error = await createChatCompletion(client, { model: 'dep', messages }).catch((e) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(String(error.message)).not.toContain('azure-key')
    expect(mock.requests).toHaveLength(1)
    expect(mock.requests[0].headers).toMatchObject({ 'api-key': 'azure-key' })
    expect(mock.requests[0].headers.authorization).toBeUndefined()
  })

  it("gets the mock's Azure-shaped 401 as an AuthenticationError with Azure's message", async () => {
    const client = azureClient({ endpoint: mock.url, apiVersion: 'v', apiKey: () => ' ' })
    const error = await createChatCompletion(client, { model: 'dep', messages }).catch((e) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.message).toContain('Access denied due to invalid subscription key')
  })
})
