// @acme/openai-azure: one plain client for Azure OpenAI that every package accepts. Against the mock's Azure shape
// (/openai/deployments/<name>/..., /openai/v1/...); against your Azure resource when AZURE_OPENAI_ENDPOINT,
// AZURE_OPENAI_API_KEY and OPENAI_API_VERSION are set (then the deployment is AZURE_OPENAI_DEPLOYMENT).
import { azureClient } from '@acme/openai-azure'
import { createChatCompletion } from '@acme/openai-chat'
import { OpenAIError } from '@acme/openai-core'
import { createEmbedding } from '@acme/openai-embeddings'
import { connectRealtime } from '@acme/openai-realtime'

const messages = [{ role: 'user', content: 'Hello from Azure' }]

export default async function tour({ mock, log }) {
  if (!mock) {
    if (!process.env.AZURE_OPENAI_ENDPOINT)
      return log('azure: skipped', 'set AZURE_OPENAI_ENDPOINT to run it live')
    const completion = await createChatCompletion(azureClient(), {
      model: process.env.AZURE_OPENAI_DEPLOYMENT ?? 'gpt-4o-mini',
      messages,
    })
    return log('azure (live): createChatCompletion', completion.choices[0].message.content)
  }
  const endpoint = mock.url // https://<resource>.openai.azure.com in real life
  const lastPath = () => `${mock.requests.at(-1).path}${mock.requests.at(-1).search}`

  // An API key goes as `api-key`; model calls go to their deployment, with api-version on every request.
  const client = azureClient({
    endpoint,
    apiVersion: '2024-10-21',
    apiKey: 'azure-demo-key',
    deployment: 'my-gpt',
  })
  const completion = await createChatCompletion(client, { model: 'gpt-4o-mini', messages })
  log('createChatCompletion with a deployment', {
    sentTo: lastPath(),
    answer: completion.choices[0].message.content,
    model: completion.model,
  })

  // Microsoft Entra ID: a token provider (e.g. @azure/identity's getBearerTokenProvider) is asked before every
  // attempt; without a deployment, the request's model names it.
  let tokens = 0
  const entra = azureClient({
    endpoint,
    apiVersion: '2024-10-21',
    azureADTokenProvider: async () => `entra-token-${++tokens}`,
  })
  const embedding = await createEmbedding(entra, { model: 'my-embeddings', input: 'Azure' })
  log('createEmbedding with an Entra token', {
    sentTo: lastPath(),
    authorization: mock.requests.at(-1).headers.authorization,
    dimensions: embedding.data[0].embedding.length,
  })

  // Azure's v1 API: <endpoint>/openai/v1, no api-version, the deployment name is the model.
  const v1 = azureClient({ endpoint, apiVersion: 'v1', apiKey: 'azure-demo-key' })
  await createChatCompletion(v1, { model: 'my-gpt', messages })
  log('the v1 API', { sentTo: lastPath() })

  // A 401 to an Entra token is replayed once with a fresh token (here the mock refuses the first one).
  mock.enqueueFault({ match: { path: '/openai/' }, status: 401 })
  const before = tokens
  await createChatCompletion(entra, { model: 'my-gpt', messages })
  log('a refused token, replayed once', { tokensAsked: tokens - before })

  // A missing api-version is caught before any request.
  try {
    azureClient({ endpoint, apiKey: 'k', apiVersion: '' })
  } catch (error) {
    if (!(error instanceof OpenAIError)) throw error
    log('a missing api version', error.message)
  }

  // Realtime: Azure's socket is <endpoint>/openai/v1/realtime?model=<deployment>, with the same credentials.
  const connection = await connectRealtime(client, { model: 'my-realtime' })
  for await (const event of connection) {
    log('connectRealtime', { url: connection.url, firstEvent: event.type, model: event.session?.model })
    break
  }
  await connection.close()
}
