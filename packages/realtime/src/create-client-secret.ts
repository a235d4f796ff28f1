import { type APIPromise, type Client, type RequestOptions, request } from '@acme/openai-core'
import type { RealtimeSession, RealtimeSessionUpdate, RealtimeTranscriptionSession } from './types/session'

/** Body of `POST /v1/realtime/client_secrets`; everything is optional. */
export interface ClientSecretCreateParams {
  /** How long the key can open sessions: 10..7200 seconds after creation (default 600). */
  expires_after?: { anchor?: 'created_at'; seconds?: number }
  /** The configuration sessions opened with the key start with. */
  session?: RealtimeSessionUpdate
}

/** A short-lived key (`ek_…`) for a browser or app, and the effective session it opens. */
export interface ClientSecretCreateResponse {
  /** The ephemeral key: hand it to the client, never your API key. */
  value: string
  /** Unix seconds after which the key opens no new session (open sessions continue). */
  expires_at: number
  session: RealtimeSession | RealtimeTranscriptionSession
}

/**
 * Creates an ephemeral key for the Realtime API, so a server can hand a browser a key that expires instead of its
 * API key. The browser then connects with it through subprotocols.
 *
 * @example
 * const { value, expires_at } = await createClientSecret(client, {
 *   session: { type: 'realtime', model: 'gpt-realtime' },
 *   expires_after: { anchor: 'created_at', seconds: 600 },
 * })
 */
export function createClientSecret(
  client: Client,
  params: ClientSecretCreateParams = {},
  options?: RequestOptions,
): APIPromise<ClientSecretCreateResponse> {
  return request<ClientSecretCreateResponse>(client, {
    ...options,
    method: 'post',
    operation: 'createClientSecret',
    path: '/realtime/client_secrets',
    body: params,
  })
}
