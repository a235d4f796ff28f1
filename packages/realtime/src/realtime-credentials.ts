import { type Client, type HeadersLike, mergeHeaders, OpenAIError, VERSION } from '@acme/openai-core'

/** Headers for the upgrade request, and the bearer token alone for subprotocol auth. */
export interface RealtimeCredentials {
  headers: Record<string, string>
  token: string | null
}

/**
 * Resolves the client's credentials the way core does for HTTP: the `auth` provider's headers, else the `apiKey`
 * (a function is called now). Organization, project, `defaultHeaders` and the call's headers are merged in.
 */
export async function realtimeCredentials(
  client: Client,
  url: string,
  extraHeaders: HeadersLike,
  signal: AbortSignal,
): Promise<RealtimeCredentials> {
  let auth: HeadersLike
  if (client.auth) auth = await client.auth.headers({ method: 'GET', url, signal })
  else {
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
    auth = key ? { authorization: `Bearer ${key}` } : undefined
  }
  const headers = mergeHeaders([
    {
      'user-agent': client.browser ? undefined : `acme-openai/${VERSION}`,
      'openai-organization': client.organization ?? undefined,
      'openai-project': client.project ?? undefined,
    },
    auth,
    client.defaultHeaders,
    extraHeaders,
  ])
  const token = /^Bearer[ \t]+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1] ?? null
  return { headers, token }
}
