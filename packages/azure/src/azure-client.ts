import { type Client, type ClientOptions, createClient, OpenAIError, readEnv } from '@acme/openai-core'
import { type AzureADTokenProvider, type AzureApiKey, azureAuth } from './azure-auth'
import { azureRealtimeURL } from './azure-realtime-url'
import { routeToDeployment } from './deployment-routing'
import { keepKeyOnOrigin } from './key-redirects'

/** Options of `azureClient`: Azure's own plus every `createClient` option (`apiKey` is Azure's key, sent as `api-key`). */
export interface AzureClientOptions extends Omit<ClientOptions, 'apiKey'> {
  /** `https://<resource>.openai.azure.com`; defaults to `AZURE_OPENAI_ENDPOINT`. The base URL is `<endpoint>/openai`. */
  endpoint?: string
  /**
   * Defaults to `OPENAI_API_VERSION`; sent as `api-version` on every request. `'v1'` selects Azure's v1 API
   * (`<endpoint>/openai/v1`, no `api-version`, the deployment name is the `model`).
   */
  apiVersion?: string
  /** The deployment model calls go to; without it, the request's `model` names the deployment. */
  deployment?: string
  /** Defaults to `AZURE_OPENAI_API_KEY`; sent as `api-key`. */
  apiKey?: AzureApiKey | null
  /** A Microsoft Entra ID token source, called before every attempt; sent as `Authorization: Bearer`. */
  azureADTokenProvider?: AzureADTokenProvider
}

const V1 = 'v1'

/**
 * A client for Azure OpenAI: a plain core `Client` that every operation accepts (`createChatCompletion`,
 * `createEmbedding`, `uploadFile`, `connectRealtime`…). Model calls are routed to `/deployments/<name>/…`, every
 * request carries `api-version`, and the key goes as `api-key` (or an Entra token as `Authorization: Bearer`).
 * Reads `AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_API_KEY`, `OPENAI_API_VERSION` and `OPENAI_BASE_URL`.
 *
 * @example
 * const client = azureClient({ endpoint: 'https://my-resource.openai.azure.com', apiVersion: '2024-10-21', apiKey })
 * await createChatCompletion(client, { model: 'my-gpt-deployment', messages })
 */
// @__NO_SIDE_EFFECTS__
export function azureClient(options: AzureClientOptions = {}): Client {
  const {
    endpoint = undefined,
    apiVersion = readEnv('OPENAI_API_VERSION'),
    deployment,
    apiKey = readEnv('AZURE_OPENAI_API_KEY'),
    azureADTokenProvider,
    baseURL = readEnv('OPENAI_BASE_URL'),
    ...rest
  } = options
  if (!apiVersion)
    throw new OpenAIError(
      "The OPENAI_API_VERSION environment variable is missing or empty: set it, or pass `apiVersion` to azureClient (e.g. '2024-10-21', or 'v1' for Azure's v1 API).",
    )
  const credentials = [apiKey, azureADTokenProvider, rest.auth].filter(Boolean).length
  if (credentials === 0)
    throw new OpenAIError(
      'Missing credentials. Pass one of `apiKey` and `azureADTokenProvider` to azureClient, or set the AZURE_OPENAI_API_KEY environment variable.',
    )
  if (credentials > 1)
    throw new OpenAIError(
      'The `apiKey`, `azureADTokenProvider` and `auth` options are mutually exclusive: pass one of them to azureClient (AZURE_OPENAI_API_KEY sets `apiKey`).',
    )
  const v1 = apiVersion === V1
  if (v1 && deployment)
    throw new OpenAIError(
      "Azure's v1 API has no deployment paths: with apiVersion 'v1', pass the deployment name as `model`, not `deployment`.",
    )
  const base = resolveBaseURL(
    baseURL,
    endpoint ?? (baseURL ? undefined : readEnv('AZURE_OPENAI_ENDPOINT')),
    v1,
  )
  const fetchFn = rest.fetch ?? (globalThis as { fetch?: typeof fetch }).fetch
  const core: ClientOptions & { realtimeURL: typeof azureRealtimeURL } = {
    ...rest,
    apiKey: null,
    baseURL: base,
    auth: rest.auth ?? azureAuth(apiKey, azureADTokenProvider),
    // An Entra token is meant for browsers too (it is short-lived), as in the official client.
    dangerouslyAllowBrowser: rest.dangerouslyAllowBrowser ?? (azureADTokenProvider ? true : undefined),
    defaultQuery: v1 ? rest.defaultQuery : { ...rest.defaultQuery, 'api-version': apiVersion },
    fetch: fetchFn && keepKeyOnOrigin(fetchFn),
    // Outermost, so interceptors the caller adds (tracing) see the deployment path.
    interceptors: v1 ? rest.interceptors : [routeToDeployment(deployment), ...(rest.interceptors ?? [])],
    realtimeURL: azureRealtimeURL,
  }
  return createClient(core)
}

function resolveBaseURL(baseURL: string | null | undefined, endpoint: string | undefined, v1: boolean) {
  if (baseURL && endpoint)
    throw new OpenAIError(
      '`baseURL` and `endpoint` are mutually exclusive: pass one of them to azureClient (OPENAI_BASE_URL sets `baseURL`).',
    )
  if (baseURL) return baseURL
  if (!endpoint)
    throw new OpenAIError(
      'Must provide one of the `baseURL` or `endpoint` options to azureClient, or set the AZURE_OPENAI_ENDPOINT environment variable.',
    )
  return `${endpoint.replace(/\/+$/, '')}/openai${v1 ? '/v1' : ''}`
}
