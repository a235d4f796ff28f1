import { OpenAIError } from '@acme/openai-core'
import { checkTimeout, fetchMetadata, metadataOrigin } from './fetch-metadata'
import type { SubjectTokenProvider } from './subject-token-provider'
import { SubjectTokenProviderError } from './subject-token-provider-error'

/** Options of `azureManagedIdentityTokenProvider()`. */
export interface AzureManagedIdentityTokenProviderOptions {
  /** The audience of the Azure token, as your OpenAI identity provider expects it (e.g. an App ID URI). */
  resource: string
  /** Picks a user-assigned identity by client id. Give at most one of clientId, objectId, msiResId. */
  clientId?: string
  /** Picks a user-assigned identity by object id. */
  objectId?: string
  /** Picks a user-assigned identity by Azure resource id. */
  msiResId?: string
  /** Default `'2018-02-01'`. */
  apiVersion?: string
  /** The IMDS host. Default `http://169.254.169.254`; override it for tests. */
  host?: string
  /** Milliseconds to wait for IMDS. Default 10000. */
  timeout?: number
  /** Default: the global `fetch`. */
  fetch?: typeof fetch
}

const OPTION = 'azureManagedIdentityTokenProvider()'

/**
 * Gets the subject token from an Azure managed identity through the Instance Metadata Service (IMDS): a JWT whose
 * audience is `resource`. Works on Azure VMs, AKS (pod identity) and other hosts with IMDS; no Node built-ins.
 *
 * @example
 * workloadIdentity({ identityProviderId, serviceAccountId, provider: azureManagedIdentityTokenProvider({ resource: 'api://openai' }) })
 */
// @__NO_SIDE_EFFECTS__
export function azureManagedIdentityTokenProvider(
  options: AzureManagedIdentityTokenProviderOptions,
): SubjectTokenProvider {
  if (!options || typeof options.resource !== 'string' || !options.resource.trim())
    throw new OpenAIError(
      `${OPTION}: \`resource\` is required: the audience your OpenAI identity provider expects.`,
    )
  const identities = (['clientId', 'objectId', 'msiResId'] as const).filter((k) => options[k] !== undefined)
  if (identities.length > 1)
    throw new OpenAIError(
      `${OPTION}: give at most one of clientId, objectId, msiResId (got ${identities.join(', ')}).`,
    )
  const origin = metadataOrigin(options.host ?? 'http://169.254.169.254', OPTION)
  const timeout = checkTimeout(options.timeout, OPTION)
  const query = new URLSearchParams({
    'api-version': options.apiVersion ?? '2018-02-01',
    resource: options.resource,
  })
  if (options.objectId !== undefined) query.set('object_id', options.objectId)
  if (options.clientId !== undefined) query.set('client_id', options.clientId)
  if (options.msiResId !== undefined) query.set('msi_res_id', options.msiResId)
  const url = `${origin}/metadata/identity/oauth2/token?${query}`

  return {
    tokenType: 'jwt',
    name: 'azure-imds',
    async getToken(context) {
      const text = await fetchMetadata({
        provider: 'azure-imds',
        label: 'Azure IMDS',
        url,
        headers: { metadata: 'true' },
        fetch: options.fetch,
        timeout,
        signal: context?.signal,
        hint: 'Is this running on Azure with a managed identity assigned?',
      })
      let token: unknown
      try {
        token = JSON.parse(text)?.access_token
      } catch {}
      if (typeof token !== 'string' || !token)
        throw new SubjectTokenProviderError(
          'Failed to get a subject token: Azure IMDS answered without an access_token.',
          {
            provider: 'azure-imds',
          },
        )
      return token
    },
  }
}
