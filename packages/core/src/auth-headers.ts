import type { Client } from './client'
import { OpenAIError } from './errors'
import type { HeadersLike } from './headers'

/**
 * The credential headers for one attempt: the `auth` provider's headers, else `Authorization: Bearer <apiKey>`
 * (an `apiKey` function is called each time). Nothing when the client has neither (a proxy adds credentials).
 * Shared by HTTP requests and by transports such as the realtime WebSocket.
 * @internal
 */
export async function _resolveAuthHeaders(
  client: Client,
  request: { method: string; url: string; signal: AbortSignal },
): Promise<HeadersLike> {
  if (client.auth) return client.auth.headers(request)
  let key = client.apiKey
  if (typeof key === 'function') {
    try {
      key = await key()
    } catch (cause) {
      throw new OpenAIError(`Failed to get token from 'apiKey' function: ${(cause as Error)?.message}`, {
        cause,
      })
    }
    if (typeof key !== 'string' || !key)
      throw new OpenAIError(
        `Expected 'apiKey' function argument to return a string but it returned ${key === '' ? 'an empty string' : typeof key}`,
      )
  }
  return key ? { authorization: `Bearer ${key}` } : undefined
}
