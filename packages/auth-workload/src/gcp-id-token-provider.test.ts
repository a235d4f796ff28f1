import { OpenAIError } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { gcpIdTokenProvider } from './gcp-id-token-provider'
import { SubjectTokenProviderError } from './subject-token-provider-error'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const IDENTITY = '/computeMetadata/v1/instance/service-accounts/default/identity'
const failure = (result: string | Promise<string>) =>
  Promise.resolve(result).then(
    () => undefined,
    (e) => e as SubjectTokenProviderError,
  )

describe('gcpIdTokenProvider', () => {
  it('asks the metadata server with Metadata-Flavor: Google and only the audience', async () => {
    const provider = gcpIdTokenProvider({ audience: 'https://api.openai.com/v1', host: mock.url })
    expect([provider.tokenType, provider.name]).toEqual(['id', 'gcp-metadata'])
    const token = await provider.getToken()
    expect(token.split('.')).toHaveLength(3)
    const [sent] = mock.requests
    expect([sent.method, sent.path, sent.search]).toEqual([
      'GET',
      IDENTITY,
      '?audience=https%3A%2F%2Fapi.openai.com%2Fv1',
    ])
    expect(sent.headers['metadata-flavor']).toBe('Google')
  })

  it('trims the plain-text token and uses the given fetch', async () => {
    const urls: string[] = []
    const provider = gcpIdTokenProvider({
      audience: 'aud',
      fetch: async (url, init) => {
        urls.push(`${url} ${new Headers(init?.headers).get('metadata-flavor')}`)
        return new Response('  id-token\n')
      },
    })
    expect(await provider.getToken()).toBe('id-token')
    expect(urls).toEqual([`http://metadata.google.internal${IDENTITY}?audience=aud Google`])
  })

  it('quotes the metadata server refusal and keeps the status', async () => {
    mock.enqueueFault({ match: { path: IDENTITY }, status: 404, body: 'service account not found\n' })
    const error = await failure(gcpIdTokenProvider({ audience: 'a', host: mock.url }).getToken())
    expect(error).toBeInstanceOf(SubjectTokenProviderError)
    expect([error!.message, error!.provider, error!.status]).toEqual([
      'Failed to get a subject token: the GCP metadata server answered HTTP 404 (service account not found).',
      'gcp-metadata',
      404,
    ])
  })

  it('cuts long error bodies and redacts bearer tokens in them', async () => {
    mock.enqueueFault({ match: { path: IDENTITY }, status: 500, body: `Bearer abc.def ${'x'.repeat(300)}` })
    const error = await failure(gcpIdTokenProvider({ audience: 'a', host: mock.url }).getToken())
    expect(error!.message).toBe(
      `Failed to get a subject token: the GCP metadata server answered HTTP 500 (Bearer *** ${'x'.repeat(189)}...).`,
    )
  })

  it('refuses an empty token', async () => {
    mock.enqueueFault({ match: { path: IDENTITY }, status: 200, body: '\n' })
    const error = await failure(gcpIdTokenProvider({ audience: 'a', host: mock.url }).getToken())
    expect(error!.message).toBe(
      'Failed to get a subject token: the GCP metadata server answered an empty token.',
    )
  })

  it('stops when the signal it was given aborts', async () => {
    mock.enqueueFault({ match: { path: IDENTITY }, delayMs: 2000 })
    const controller = new AbortController()
    const pending = failure(
      gcpIdTokenProvider({ audience: 'a', host: mock.url }).getToken({ signal: controller.signal }),
    )
    controller.abort()
    expect((await pending)!.message).toBe(
      'Failed to get a subject token: the GCP metadata server request was aborted. Is this running on Google Cloud with a service account attached?',
    )
  })

  it('refuses a missing audience up front', () => {
    expect(() => gcpIdTokenProvider({} as never)).toThrow(
      new OpenAIError(
        'gcpIdTokenProvider(): `audience` is required: the audience your OpenAI identity provider expects.',
      ),
    )
  })
})
