import { createChatCompletion } from '@acme/openai-chat'
import { type CallInterceptor, createClient, OpenAIError, request } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { azureClient } from './azure-client'
import { DEPLOYMENT_PATHS, namesDeployment, routeToDeployment } from './deployment-routing'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const client = (options: Parameters<typeof azureClient>[0] = {}) =>
  azureClient({ endpoint: mock.url, apiVersion: '2024-10-21', apiKey: 'k', maxRetries: 0, ...options })

async function pathOf(send: () => Promise<unknown>): Promise<string> {
  const before = mock.requests.length
  await send().catch(() => {})
  return mock.requests[before].path
}

const post = (c: ReturnType<typeof client>, path: string, body: unknown) =>
  request(c, { method: 'post', path, body })

describe('routeToDeployment', () => {
  it('sends every model endpoint POST to /deployments/<model>/…', async () => {
    for (const path of DEPLOYMENT_PATHS)
      expect(await pathOf(() => post(client(), path, { model: 'dep-a' }))).toBe(
        `/openai/deployments/dep-a${path}`,
      )
  })

  it("prefers the client's deployment over the body's model", async () => {
    const c = client({ deployment: 'fixed' })
    const messages = [{ role: 'user' as const, content: 'Hi' }]
    expect(await pathOf(() => createChatCompletion(c, { model: 'gpt-5.4', messages }))).toBe(
      '/openai/deployments/fixed/chat/completions',
    )
  })

  it('reads the model of a multipart form', async () => {
    const form = new FormData()
    form.set('model', 'whisper-dep')
    form.set('file', new Blob(['x']), 'a.wav')
    expect(await pathOf(() => post(client(), '/audio/transcriptions', form))).toBe(
      '/openai/deployments/whisper-dep/audio/transcriptions',
    )
  })

  it('leaves other endpoints, other methods, bodiless calls and model-less bodies alone', async () => {
    const c = client({ deployment: 'fixed' })
    expect(await pathOf(() => post(c, '/responses', { model: 'm' }))).toBe('/openai/responses')
    expect(await pathOf(() => request(c, { method: 'get', path: '/batches' }))).toBe('/openai/batches')
    expect(await pathOf(() => request(client(), { method: 'post', path: '/batches' }))).toBe(
      '/openai/batches',
    )
    expect(await pathOf(() => post(client(), '/embeddings', { input: 'x' }))).toBe('/openai/embeddings')
    expect(await pathOf(() => post(c, '/chat/completions/abc', { metadata: {} }))).toBe(
      '/openai/chat/completions/abc',
    )
  })

  it('leaves a base URL that already names a deployment alone', async () => {
    const c = client({
      endpoint: undefined,
      baseURL: `${mock.url}/openai/deployments/pinned`,
      deployment: 'x',
    })
    expect(await pathOf(() => post(c, '/chat/completions', { model: 'm' }))).toBe(
      '/openai/deployments/pinned/chat/completions',
    )
  })

  it('keeps a hostile name in one encoded segment, and refuses a dot segment', async () => {
    expect(await pathOf(() => post(client(), '/chat/completions', { model: '../../admin' }))).toBe(
      '/openai/deployments/..%2F..%2Fadmin/chat/completions',
    )
    expect(await pathOf(() => post(client({ deployment: 'a/b?c#d' }), '/embeddings', { model: 'm' }))).toBe(
      '/openai/deployments/a%2Fb%3Fc%23d/embeddings',
    )
    const before = mock.requests.length
    for (const name of ['..', '.']) {
      const error: any = await post(client({ deployment: name }), '/embeddings', { model: 'm' }).catch(
        (e: any) => e,
      )
      expect(error).toBeInstanceOf(OpenAIError)
      expect(error.message).toBe(`"${name}" is not a deployment name: it would change the request path.`)
    }
    const error: any = await post(client(), '/chat/completions', { model: '..' }).catch((e: any) => e)
    expect(error.message).toBe('".." is not a deployment name: it would change the request path.')
    expect(mock.requests.length).toBe(before)
  })

  it('runs before the caller’s interceptors, which see the deployment path', async () => {
    const seen: string[] = []
    const spy: CallInterceptor = (call, next) => {
      seen.push(call.spec.path)
      return next()
    }
    await post(client({ interceptors: [spy] }), '/chat/completions', { model: 'd' }).catch(() => {})
    expect(seen).toEqual(['/deployments/d/chat/completions'])
  })

  it("sends the v1 API's calls to /openai/v1 without api-version, the model naming the deployment", async () => {
    const c = client({ apiVersion: 'v1' })
    const messages = [{ role: 'user' as const, content: 'Hi' }]
    const completion = await createChatCompletion(c, { model: 'my-dep', messages })
    expect(completion.model).toBe('my-dep')
    expect(mock.requests.at(-1)).toMatchObject({ path: '/openai/v1/chat/completions', query: {} })
  })

  it('works on any core client, and adds nothing to one without it', async () => {
    const plain = createClient({ apiKey: 'k', baseURL: mock.baseURL, maxRetries: 0 })
    expect(await pathOf(() => post(plain, '/chat/completions', { model: 'd' }))).toBe('/v1/chat/completions')
    const routed = createClient({
      apiKey: 'k',
      baseURL: mock.baseURL,
      maxRetries: 0,
      interceptors: [routeToDeployment()],
    })
    expect(await pathOf(() => post(routed, '/chat/completions', { model: 'd' }))).toBe(
      '/v1/deployments/d/chat/completions',
    )
  })
})

describe('namesDeployment', () => {
  it('finds a deployments path segment, not a host or a longer segment', () => {
    expect(namesDeployment('https://r.openai.azure.com/openai/deployments/d')).toBe(true)
    expect(namesDeployment('https://r.openai.azure.com/openai/deployments')).toBe(true)
    expect(namesDeployment('https://r.example/deployments?x=1')).toBe(true)
    expect(namesDeployment('https://deployments.example.com/openai')).toBe(false)
    expect(namesDeployment('https://r.example/deployments-proxy/openai')).toBe(false)
    expect(namesDeployment('https://r.example/openai?next=/deployments/x')).toBe(false)
    expect(namesDeployment('/api/deployments/x')).toBe(false)
  })
})
