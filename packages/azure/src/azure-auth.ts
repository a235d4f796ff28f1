import { type AuthProvider, OpenAIError } from '@acme/openai-core'

/** An Azure key, or a function returning one (called before every attempt, so keys rotate without a new client). */
export type AzureApiKey = string | (() => string | Promise<string>)

/** Returns a Microsoft Entra ID access token; called before every attempt and again after a 401. */
export type AzureADTokenProvider = () => string | Promise<string>

/**
 * The client's credential: a key as Azure's `api-key` header (a 401 is final: a key does not get better by asking
 * again), or an Entra ID token as `Authorization: Bearer`, fetched before every attempt; after a 401 core replays
 * the request once, which asks the provider again (a cached token may have been revoked).
 */
export function azureAuth(
  apiKey: AzureApiKey | null | undefined,
  token?: AzureADTokenProvider,
): AuthProvider {
  const name = token ? 'azureADTokenProvider' : 'apiKey'
  return {
    async headers(): Promise<Record<string, string>> {
      const value = token ? await token() : typeof apiKey === 'function' ? await apiKey() : apiKey
      if (typeof value !== 'string' || !value)
        throw new OpenAIError(
          `Expected \`${name}\` to return a non-empty string, but it returned ${JSON.stringify(value)}.`,
        )
      return token ? { authorization: `Bearer ${value}` } : { 'api-key': value }
    },
    invalidate: token && (() => true),
  }
}
