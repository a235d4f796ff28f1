import {
  type APIPromise,
  attachRequestId,
  type Client,
  mapAPIPromise,
  OpenAIError,
  type RequestOptions,
  request,
  toAPIPromise,
} from '@acme/openai-core'
import type { RealtimeSessionConfig } from './types/session'

/** Body of `POST /v1/realtime/calls`: a WebRTC offer, and the session to start (omit it with an ephemeral key). */
export interface CallCreateParams {
  /** The SDP offer, e.g. `offer.sdp` from `RTCPeerConnection.createOffer()`. */
  sdp: string
  /** The session the call starts with. Without it the offer goes alone, and an ephemeral key's session applies. */
  session?: RealtimeSessionConfig
}

/** The answer to a WebRTC offer. */
export interface CallCreateResult {
  /** The SDP answer: pass it to `setRemoteDescription({ type: 'answer', sdp })`. */
  sdp: string
  /**
   * The call id (`rtc_…`) from the `Location` header, for `connectRealtime(client, { callId })` and `hangupCall`.
   * `null` when the header is missing or unreadable (a browser sees it only if the server exposes it via CORS).
   */
  call_id: string | null
}

/**
 * Starts a Realtime call over WebRTC: posts the SDP offer (and the session, if given) and resolves to the SDP answer
 * with the call id. `.withResponse()` gives the raw `Response` (status 201, `Location`).
 *
 * @example
 * const pc = new RTCPeerConnection()
 * pc.addTrack(micTrack)
 * pc.createDataChannel('oai-events')
 * await pc.setLocalDescription(await pc.createOffer())
 * const { sdp, call_id } = await createCall(client, {
 *   sdp: pc.localDescription!.sdp,
 *   session: { type: 'realtime', model: 'gpt-realtime' },
 * })
 * await pc.setRemoteDescription({ type: 'answer', sdp })
 */
export function createCall(
  client: Client,
  params: CallCreateParams,
  options?: RequestOptions,
): APIPromise<CallCreateResult> {
  const { sdp, session } = params ?? ({} as CallCreateParams)
  if (typeof sdp !== 'string')
    return toAPIPromise<CallCreateResult>(
      Promise.reject(
        new OpenAIError(
          'createCall needs `sdp`: the SDP offer as a string (e.g. `offer.sdp` from RTCPeerConnection.createOffer()).',
        ),
      ),
    )
  // As the official client sends it: the offer alone goes raw as `application/sdp` (the ephemeral-key flow); with a
  // session, both go as filename-less multipart parts carrying their own content types.
  const raw = session === undefined
  return mapAPIPromise(
    request<unknown>(client, {
      ...options,
      method: 'post',
      operation: 'createCall',
      path: '/realtime/calls',
      body: raw ? sdp : _callForm(sdp, session),
      operationHeaders: raw
        ? { accept: 'application/sdp', 'content-type': 'application/sdp' }
        : { accept: 'application/sdp' },
    }),
    _callAnswer,
  )
}

/** The multipart body: `sdp` as `application/sdp`, `session` as JSON. */
export function _callForm(sdp: string, session: RealtimeSessionConfig): FormData {
  const form = new FormData()
  form.append('sdp', new Blob([sdp], { type: 'application/sdp' }), '')
  form.append('session', new Blob([JSON.stringify(session)], { type: 'application/json' }), '')
  return form
}

/** Builds the result from the answer body and the `Location` header, with the hidden `_request_id`. */
export function _callAnswer(body: unknown, response: Response): CallCreateResult {
  if (typeof body !== 'string')
    throw new OpenAIError(
      `createCall expected an SDP answer (application/sdp) but got ${response.headers.get('content-type') ?? 'no content type'}.`,
    )
  return attachRequestId<CallCreateResult>(
    { sdp: body, call_id: _callIdFrom(response.headers.get('location')) },
    response,
  )
}

/** The id in a `Location` such as `/v1/realtime/calls/rtc_123` (relative or absolute), or `null`. */
export function _callIdFrom(location: string | null): string | null {
  const match = location ? /\/realtime\/calls\/([^/?#]+)/.exec(location) : null
  if (!match) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return match[1]
  }
}
