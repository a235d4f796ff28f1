import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'
import { azureToV1 } from './azure-request'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const chat = { model: 'ignored', messages: [{ role: 'user', content: 'Hi' }] }

async function call(path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(mock.url + path, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: response.status, json: (await response.json()) as any }
}

describe('azureToV1', () => {
  it('maps deployment, v1 and unversioned paths onto /v1, and leaves others alone', () => {
    expect(azureToV1('/openai/deployments/my%20dep/chat/completions')).toEqual({
      path: '/v1/chat/completions',
      deployment: 'my%20dep',
      v1: false,
    })
    expect(azureToV1('/openai/v1/responses')).toEqual({ path: '/v1/responses', v1: true })
    expect(azureToV1('/openai/files/file-1')).toEqual({ path: '/v1/files/file-1', v1: false })
    expect(azureToV1('/v1/models')).toBeNull()
  })
})

describe('the mock in Azure shape', () => {
  it('answers a deployment route with api-key, the deployment as the model, and records the path as sent', async () => {
    const path = '/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21'
    const { status, json } = await call(path, { headers: { 'api-key': 'k' }, body: chat })
    expect(status).toBe(200)
    expect(json).toMatchObject({ object: 'chat.completion', model: 'my-gpt' })
    expect(mock.requests.at(-1)).toMatchObject({
      path: '/openai/deployments/my-gpt/chat/completions',
      query: { 'api-version': '2024-10-21' },
      json: chat,
    })
  })

  it('accepts a bearer token, and serves unversioned paths with api-version', async () => {
    const { status, json } = await call('/openai/models?api-version=2024-10-21', {
      headers: { authorization: 'Bearer entra-token' },
    })
    expect(status).toBe(200)
    expect(json.object).toBe('list')
  })

  it('serves the v1 API without api-version, the model naming the deployment', async () => {
    const { status, json } = await call('/openai/v1/chat/completions', {
      headers: { 'api-key': 'k' },
      body: { ...chat, model: 'my-gpt' },
    })
    expect(status).toBe(200)
    expect(json.model).toBe('my-gpt')
  })

  it('refuses missing or empty credentials with Azure’s 401 shape, before any other check', async () => {
    const cases: Record<string, string>[] = [{}, { 'api-key': ' ' }, { authorization: 'Basic abc' }]
    for (const headers of cases) {
      const { status, json } = await call('/openai/deployments/d/chat/completions', { headers, body: chat })
      expect(status).toBe(401)
      expect(json.error.code).toBe('401')
      expect(json.error.message).toMatch(
        /^Access denied due to invalid subscription key or wrong API endpoint/,
      )
      expect(Object.keys(json.error).sort()).toEqual(['code', 'message'])
    }
  })

  it('refuses a request without api-version (except on v1) with Azure’s 404 shape', async () => {
    const { status, json } = await call('/openai/deployments/d/chat/completions', {
      headers: { 'api-key': 'k' },
      body: chat,
    })
    expect(status).toBe(404)
    expect(json.error).toMatchObject({ code: '404', message: expect.stringMatching(/^Resource not found/) })
    expect(json.error.message).toContain('api-version')
  })

  it('keeps a hostile deployment name inside one segment', async () => {
    const { status, json } = await call(
      '/openai/deployments/..%2F..%2Fadmin/chat/completions?api-version=v',
      { headers: { 'api-key': 'k' }, body: chat },
    )
    expect(status).toBe(200)
    expect(json.model).toBe('../../admin')
  })
})
