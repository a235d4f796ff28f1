import { _redactValues, redactSecrets, redactURL } from '@acme/openai-core/redact'
import { RealtimeHandshakeError } from './errors'
import type { HandshakeDetail } from './realtime-socket'

/** Core's redaction plus ephemeral keys (`ek_…`) and subprotocol keys, which core's patterns do not cover. */
export function redactRealtimeSecrets(text: string): string {
  return redactSecrets(text)
    .replace(/\b(ek|sk|rk)_[A-Za-z0-9_-]{4,}/g, '$1_***')
    .replace(/(openai-insecure-api-key\.)[^\s,'"]+/gi, '$1***')
}

function serverError(body: string | undefined): object | undefined {
  if (!body) return undefined
  try {
    const json = JSON.parse(body)
    const error = json && typeof json === 'object' ? (json.error ?? json) : undefined
    return error && typeof error === 'object' ? error : undefined
  } catch {
    return undefined
  }
}

const WHY: Record<number, string> = {
  400: 'The server refused the connection request (400): check the model name and the query.',
  401:
    'The server refused the credentials (401). Check the API key; an ephemeral key (ek_…) from ' +
    'createClientSecret stops opening sessions once its expires_after window is over.',
  403: 'The credentials may not use the Realtime API (403): check the key, project and organization.',
  404:
    'Nothing answers at this URL (404). Check the client baseURL: the socket URL is baseURL + /realtime, so ' +
    'for OpenAI baseURL must be https://api.openai.com/v1.',
  429: 'Too many sessions or requests (429): wait and connect again.',
}

/**
 * Builds the error that says why a handshake failed, from whatever the runtime reported. `secrets` (the credentials
 * the upgrade request sent, e.g. from `_secretValues(headers)`) are cut out of the body the server sent back, by
 * value, before anything quotes or parses it.
 */
export function handshakeError(
  url: string,
  detail: HandshakeDetail,
  secrets: readonly string[] = [],
): RealtimeHandshakeError {
  const where = redactURL(url)
  const { cause } = detail
  if (detail.body) detail = { ...detail, body: _redactValues(detail.body, secrets) }
  // `ws` used through a browser-style entry reports the status only in its error message.
  const reported = /Unexpected server response: (\d{3})/.exec(String((cause as any)?.message))?.[1]
  const status = detail.status ?? (reported ? Number(reported) : undefined)
  const error = serverError(detail.body)
  const code = typeof (cause as any)?.code === 'string' ? ((cause as any).code as string) : undefined
  let message: string
  if (status !== undefined) {
    message = WHY[status] ?? `The server answered ${status} instead of switching protocols (101).`
    const said = (error as any)?.message ?? (error ? undefined : detail.body?.slice(0, 300))
    if (said) message += ` Server said: ${String(said)}`
  } else if (code === 'ECONNREFUSED') {
    message = 'Connection refused: nothing listens at that host and port. Check baseURL, or start the server.'
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    message = 'The host name did not resolve (DNS). Check baseURL.'
  } else if (code === 'ETIMEDOUT') {
    message = 'No WebSocket handshake before the timeout. Raise the `timeout` option or check the network.'
  } else if ((cause as any)?.message) {
    message = `The WebSocket failed to open: ${(cause as Error).message}`
  } else {
    message =
      'The WebSocket failed to open, and this runtime does not say why: a refused or expired key, a wrong ' +
      'baseURL and a refused connection look the same here. Check them in that order.'
  }
  return new RealtimeHandshakeError(redactRealtimeSecrets(_redactValues(`${message} (${where})`, secrets)), {
    status,
    code,
    error,
    url: where,
    cause,
  })
}
