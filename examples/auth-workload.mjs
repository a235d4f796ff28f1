// @acme/openai-auth-workload: short-lived tokens from the workload's own identity (Kubernetes, Azure, GCP or your
// own), exchanged at the token endpoint and refreshed before they expire, instead of a long-lived API key.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  azureManagedIdentityTokenProvider,
  gcpIdTokenProvider,
  OAuthError,
  workloadIdentity,
} from '@acme/openai-auth-workload'
import { k8sServiceAccountTokenProvider } from '@acme/openai-auth-workload/node'
import { createClient, request } from '@acme/openai-core'

const hide = (token) => (token ? `<${token.length} characters>` : token)

export default async function authWorkloadTour({ mock, live, log }) {
  if (live) {
    log(
      'Skipping workload identity',
      'it needs a real identity provider (Kubernetes, Azure, GCP) or the mock hosts',
    )
    return
  }
  // The mock plays auth.openai.com (/oauth/token), Azure IMDS and the GCP metadata server on its own port.
  const tokenURL = `${mock.url}/oauth/token`
  const ids = { identityProviderId: 'idp_demo', serviceAccountId: 'sa_demo' }
  const since = (start) => mock.requests.slice(start)
  const listModels = (client) => request(client, { method: 'get', path: '/models' })
  /** Lists models through a client authenticated by `provider`, and shows what went over the wire. */
  async function tour(title, provider, extra = {}) {
    const start = mock.requests.length
    const client = createClient({
      baseURL: mock.baseURL,
      auth: workloadIdentity({ ...ids, provider, tokenURL, ...extra }),
    })
    const models = await listModels(client)
    const exchange = since(start).find((r) => r.path === '/oauth/token')
    log(title, {
      requests: since(start).map((r) => `${r.method} ${r.path}`),
      exchange: { ...exchange.json, subject_token: hide(exchange.json.subject_token) },
      api_call_authorization: `Bearer ${hide(since(start).at(-1).headers.authorization.slice(7))}`,
      models: models.data.length,
    })
    return client
  }

  const dir = await mkdtemp(join(tmpdir(), 'acme-k8s-'))
  try {
    const tokenFile = join(dir, 'token')
    await writeFile(
      tokenFile,
      'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVtbzphcHAifQ.sig\n',
    )
    await tour(
      'Kubernetes: the projected service account token file (read fresh for every exchange)',
      k8sServiceAccountTokenProvider(tokenFile),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  await tour(
    'Azure: a managed identity token from IMDS (Metadata: true, resource, client_id)',
    azureManagedIdentityTokenProvider({
      resource: 'api://openai-demo',
      clientId: 'cid-demo',
      host: mock.url,
    }),
  )
  const imds = mock.requests.findLast((r) => r.path === '/metadata/identity/oauth2/token')
  log(
    '  what IMDS was asked',
    `${imds.method} ${imds.path}${imds.search}  Metadata: ${imds.headers.metadata}`,
  )

  await tour(
    'GCP: an ID token from the metadata server (Metadata-Flavor: Google, audience)',
    gcpIdTokenProvider({ audience: 'https://api.openai.com/v1', host: mock.url }),
  )

  const client = await tour('Custom: any function that returns a token (here a vault lookup)', {
    tokenType: 'jwt',
    name: 'vault',
    getToken: async () => 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ2YXVsdC1kZW1vIn0.sig',
  })

  // Refresh buffer: a 120 s token with a 30 s buffer is refreshed 90 s after it was issued. A fake clock shows it.
  const clock = { ms: 0 }
  const start = mock.requests.length
  const short = createClient({
    baseURL: mock.baseURL,
    auth: workloadIdentity({
      ...ids,
      provider: { tokenType: 'jwt', getToken: () => 'short-lived-demo-subject' },
      tokenURL: `${tokenURL}?expires_in=120`,
      refreshBufferSeconds: 30,
      now: () => clock.ms,
    }),
  })
  const exchangesSoFar = () => since(start).filter((r) => r.path === '/oauth/token').length
  const timeline = []
  for (const seconds of [0, 60, 89.999, 90, 100]) {
    clock.ms = seconds * 1000
    await listModels(short)
    timeline.push(`t=${seconds}s: ${exchangesSoFar()} exchange(s)`)
  }
  log(
    'Refresh buffer: expires_in 120, refreshBufferSeconds 30 -> refreshed at 120 - min(30, 120/2) = 90 s',
    timeline,
  )

  const burst = mock.requests.length
  clock.ms = 180_000
  await Promise.all(Array.from({ length: 20 }, () => listModels(short)))
  log(
    '20 requests arriving when the token is due share one exchange',
    `${since(burst).filter((r) => r.path === '/oauth/token').length} exchange, ${since(burst).length - 1} API calls`,
  )

  // A revoked (or expired) token gets a 401: the client drops it, exchanges again and replays the call once.
  const revoke = mock.requests.length
  const current = mock.requests.findLast((r) => r.path === '/v1/models').headers.authorization.slice(7)
  await fetch(`${mock.url}/oauth/revoke`, { method: 'POST', body: new URLSearchParams({ token: current }) })
  const replayed = mock.requests.length
  await listModels(short)
  log('401 for a revoked token: drop it, exchange again, replay once', {
    requests: since(revoke).map((r) => `${r.method} ${r.path}`),
    answered: since(replayed).length === 3 ? 'the replayed call succeeded' : 'unexpected',
  })

  mock.enqueueFault({
    match: { path: '/oauth/token' },
    status: 401,
    body: {
      error: 'invalid_grant',
      error_description: 'No service account mapping found for the provided service_account_id.',
    },
  })
  client.auth.invalidate()
  const before = mock.requests.length
  const refused = await listModels(client).catch((error) => error)
  log('A refused exchange is an OAuthError (no token in the message), and the API is not called', {
    isOAuthError: refused instanceof OAuthError,
    error: refused.error,
    message: refused.message,
    requests: since(before).map((r) => `${r.method} ${r.path}`),
  })

  try {
    createClient({ baseURL: mock.baseURL, apiKey: 'sk-demo', auth: client.auth })
  } catch (error) {
    log('apiKey and auth together are refused', error.message)
  }
}
