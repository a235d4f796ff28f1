import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'
import { AZURE_IMDS_TOKEN_PATH, GCP_IDENTITY_PATH } from './cloud-metadata'

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString())

describe('cloud metadata hosts', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())

  const imds = (query: string, headers: Record<string, string> = { metadata: 'true' }) =>
    fetch(`${server.url}${AZURE_IMDS_TOKEN_PATH}${query}`, { headers })

  it('Azure IMDS answers a JWT for the resource, naming the chosen identity', async () => {
    const response = await imds('?api-version=2018-02-01&resource=api%3A%2F%2Fopenai&client_id=cid-1')
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({
      client_id: 'cid-1',
      expires_in: '86399',
      ext_expires_in: '86399',
      resource: 'api://openai',
      token_type: 'Bearer',
    })
    expect(body.access_token.split('.')).toHaveLength(3)
    expect(claims(body.access_token)).toMatchObject({ aud: 'api://openai', appid: 'cid-1' })
    const byResourceId = await (
      await imds('?api-version=1&resource=r&msi_res_id=%2Fsubscriptions%2Fs1')
    ).json()
    expect(claims(byResourceId.access_token).xms_mirid).toBe('/subscriptions/s1')
  })

  it.each([
    ['no Metadata header', '?api-version=1&resource=r', {}, 'Required metadata header not specified'],
    [
      'no api-version',
      '?resource=r',
      { metadata: 'true' },
      "Required query variable 'api-version' is missing",
    ],
    ['no resource', '?api-version=1', { metadata: 'true' }, 'Required audience parameter not specified'],
    [
      'two identities',
      '?api-version=1&resource=r&client_id=a&object_id=b',
      { metadata: 'true' },
      'Specify at most one of object_id, client_id, msi_res_id; got object_id, client_id',
    ],
  ])('Azure IMDS refuses %s with 400', async (_, query, headers, description) => {
    const response = await imds(query, headers)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: description })
  })

  it('GCP metadata answers a plain-text ID token for the audience', async () => {
    const response = await fetch(
      `${server.url}${GCP_IDENTITY_PATH}?audience=https%3A%2F%2Fapi.openai.com%2Fv1`,
      {
        headers: { 'metadata-flavor': 'Google' },
      },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('metadata-flavor')).toBe('Google')
    const token = await response.text()
    expect(claims(token)).toMatchObject({
      aud: 'https://api.openai.com/v1',
      iss: 'https://accounts.google.com',
    })
  })

  it('GCP metadata wants its header (403) and an audience (400)', async () => {
    const noHeader = await fetch(`${server.url}${GCP_IDENTITY_PATH}?audience=a`)
    expect(noHeader.status).toBe(403)
    expect(await noHeader.text()).toBe('Missing required header "Metadata-Flavor": "Google"\n')
    const noAudience = await fetch(`${server.url}${GCP_IDENTITY_PATH}`, {
      headers: { 'metadata-flavor': 'Google' },
    })
    expect(noAudience.status).toBe(400)
    expect(await noAudience.text()).toBe('non-empty audience parameter required\n')
  })

  it('records metadata requests and lets faults target them', async () => {
    server.reset()
    server.enqueueFault({ match: { path: AZURE_IMDS_TOKEN_PATH }, status: 503 })
    expect((await imds('?api-version=1&resource=r')).status).toBe(503)
    expect(server.requests.map((r) => r.path)).toEqual([AZURE_IMDS_TOKEN_PATH])
  })
})
