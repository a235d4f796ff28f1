// @acme/openai-auth-workload (main entry) on every runtime: RFC 8693 token exchange at the mock's /oauth/token,
// the exchanged token as the API bearer, the GCP metadata provider, and OAuthError. The `./node` subpath (the
// Kubernetes token file) needs node:fs and is covered by the package's own tests.
import { gcpIdTokenProvider, OAuthError, workloadIdentity } from '@acme/openai-auth-workload'
import { createClient, request } from '@acme/openai-core'
import { checklist, control, equal, rejects } from './checklist.js'

const subjectToken = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzbW9rZSJ9.c2ln'

/** Runs the workload identity checks against the mock server; throws on the first failure. */
export async function smoke({ baseURL, mockURL }) {
  const list = checklist()
  const ids = {
    identityProviderId: 'idp_smoke',
    serviceAccountId: 'sa_smoke',
    tokenURL: `${mockURL}/oauth/token`,
  }
  const clientWith = (provider) =>
    createClient({
      baseURL,
      maxRetries: 0,
      auth: workloadIdentity({ ...ids, provider }),
      dangerouslyAllowBrowser: true,
    })
  const recorded = () => control(mockURL, 'GET', 'requests')

  await list.check('a custom provider: exchange once, then the access token is the bearer', async () => {
    await control(mockURL, 'POST', 'reset')
    const client = clientWith({ tokenType: 'jwt', getToken: () => subjectToken })
    await request(client, { method: 'get', path: '/models' })
    await request(client, { method: 'get', path: '/models' })
    const requests = await recorded()
    equal(
      requests.map((r) => `${r.method} ${r.path}`),
      ['POST /oauth/token', 'GET /v1/models', 'GET /v1/models'],
      'requests',
    )
    const exchange = JSON.parse(requests[0].body)
    equal(
      [exchange.grant_type, exchange.subject_token, exchange.subject_token_type, exchange.service_account_id],
      [
        'urn:ietf:params:oauth:grant-type:token-exchange',
        subjectToken,
        'urn:ietf:params:oauth:token-type:jwt',
        'sa_smoke',
      ],
      'exchange body',
    )
    const bearer = requests[1].headers.authorization
    equal(
      /^Bearer \S+$/.test(bearer) && bearer !== `Bearer ${subjectToken}`,
      true,
      'API bearer is the new token',
    )
    equal(requests[2].headers.authorization, bearer, 'token reused')
  })

  await list.check('gcpIdTokenProvider reads the metadata server', async () => {
    await control(mockURL, 'POST', 'reset')
    const client = clientWith(gcpIdTokenProvider({ audience: 'https://api.openai.com/v1', host: mockURL }))
    const models = await request(client, { method: 'get', path: '/models' })
    equal(models.object, 'list', 'models')
    const [metadata, exchange] = await recorded()
    equal(
      [metadata.path, metadata.headers['metadata-flavor'], exchange.path],
      ['/computeMetadata/v1/instance/service-accounts/default/identity', 'Google', '/oauth/token'],
      'metadata then exchange',
    )
    equal(
      JSON.parse(exchange.body).subject_token_type,
      'urn:ietf:params:oauth:token-type:id_token',
      'token type',
    )
  })

  await list.check('a refused exchange is an OAuthError and the API is never called', async () => {
    await control(mockURL, 'POST', 'reset')
    await control(mockURL, 'POST', 'faults', {
      match: { path: '/oauth/token' },
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The subject token is not trusted.' },
    })
    const client = clientWith({ tokenType: 'jwt', getToken: () => subjectToken })
    const error = await rejects(() => request(client, { method: 'get', path: '/models' }))
    equal(error instanceof OAuthError, true, `OAuthError (got ${error?.name})`)
    equal([error.status, error.error], [400, 'invalid_grant'], 'status and error')
    equal(error.message.includes(subjectToken), false, 'subject token not in the message')
    equal(
      (await recorded()).map((r) => r.path),
      ['/oauth/token'],
      'requests',
    )
  })

  return list.report()
}
