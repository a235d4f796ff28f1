import { OpenAIError } from '@acme/openai-core'
import { checkTimeout, fetchMetadata, metadataOrigin } from './fetch-metadata'
import type { SubjectTokenProvider } from './subject-token-provider'
import { SubjectTokenProviderError } from './subject-token-provider-error'

/** Options of `gcpIdTokenProvider()`. */
export interface GcpIdTokenProviderOptions {
  /** The `aud` of the ID token, as your OpenAI identity provider expects it. */
  audience: string
  /** The metadata server. Default `http://metadata.google.internal`; override it for tests. */
  host?: string
  /** Milliseconds to wait for the metadata server. Default 10000. */
  timeout?: number
  /** Default: the global `fetch`. */
  fetch?: typeof fetch
}

const OPTION = 'gcpIdTokenProvider()'

/**
 * Gets the subject token from the GCP metadata server: an OpenID Connect ID token of the instance's default
 * service account for `audience`. Works on GCE, GKE (workload identity), Cloud Run and Cloud Functions; no Node
 * built-ins.
 *
 * @example
 * workloadIdentity({ identityProviderId, serviceAccountId, provider: gcpIdTokenProvider({ audience: 'https://api.openai.com/v1' }) })
 */
// @__NO_SIDE_EFFECTS__
export function gcpIdTokenProvider(options: GcpIdTokenProviderOptions): SubjectTokenProvider {
  if (!options || typeof options.audience !== 'string' || !options.audience.trim())
    throw new OpenAIError(
      `${OPTION}: \`audience\` is required: the audience your OpenAI identity provider expects.`,
    )
  const origin = metadataOrigin(options.host ?? 'http://metadata.google.internal', OPTION)
  const timeout = checkTimeout(options.timeout, OPTION)
  const url = `${origin}/computeMetadata/v1/instance/service-accounts/default/identity?${new URLSearchParams({ audience: options.audience })}`

  return {
    tokenType: 'id',
    name: 'gcp-metadata',
    async getToken(context) {
      const token = (
        await fetchMetadata({
          provider: 'gcp-metadata',
          label: 'the GCP metadata server',
          url,
          headers: { 'metadata-flavor': 'Google' },
          fetch: options.fetch,
          timeout,
          signal: context?.signal,
          hint: 'Is this running on Google Cloud with a service account attached?',
        })
      ).trim()
      if (!token)
        throw new SubjectTokenProviderError(
          'Failed to get a subject token: the GCP metadata server answered an empty token.',
          {
            provider: 'gcp-metadata',
          },
        )
      return token
    },
  }
}
