import { type AuthProvider, OpenAIError } from '@acme/openai-core'

/** An Azure key, or a function returning one (called before every attempt, so keys rotate without a new client). */
export type AzureApiKey = string | (() => string | Promise<string>)

/** Returns a Microsoft Entra ID access token; called before every attempt and again after a 401. */
export type AzureADTokenProvider = () => string | Promise<string>

async function call(fn: () => string | Promise<string>, name: string): Promise<string> {
  let value: unknown
  try {
    value = await fn()
  } catch (cause) {
    throw new OpenAIError(`Failed to get a credential from \`${name}\`: ${(cause as Error)?.message}`, {
      cause,
    })
  }
  if (typeof value !== 'string' || !value)
    throw new OpenAIError(
      `Expected \`${name}\` to return a non-empty string, but it returned ${value === '' ? 'an empty string' : typeof value}.`,
    )
  return value
}

/** Sends the key as Azure's `api-key` header. A 401 is final: a key does not get better by asking again. */
export function apiKeyAuth(apiKey: AzureApiKey): AuthProvider {
  return {
    async headers() {
      return { 'api-key': typeof apiKey === 'function' ? await call(apiKey, 'apiKey') : apiKey }
    },
  }
}

/**
 * Sends an Entra ID token as `Authorization: Bearer`, fetched from the provider before every attempt; after a 401,
 * core replays the request once, which asks the provider again (a cached token may have been revoked).
 */
export function entraTokenAuth(provider: AzureADTokenProvider): AuthProvider {
  return {
    async headers() {
      return { authorization: `Bearer ${await call(provider, 'azureADTokenProvider')}` }
    },
    invalidate: () => true,
  }
}
