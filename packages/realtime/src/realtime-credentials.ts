import { type Client, type HeadersLike, mergeHeaders, VERSION } from '@acme/openai-core'
import { _resolveAuthHeaders } from '@acme/openai-core/internal'

/** Headers for the upgrade request, and the bearer token alone for subprotocol auth. */
export interface RealtimeCredentials {
  headers: Record<string, string>
  token: string | null
}

/**
 * Resolves the client's credentials with core's `_resolveAuthHeaders` (as HTTP requests do), then merges in
 * organization, project, `defaultHeaders` and the call's headers.
 */
export async function realtimeCredentials(
  client: Client,
  url: string,
  extraHeaders: HeadersLike,
  signal: AbortSignal,
): Promise<RealtimeCredentials> {
  const auth = await _resolveAuthHeaders(client, { method: 'GET', url, signal })
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
