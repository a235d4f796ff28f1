import { RealtimeHandshakeError } from './errors'
import type { HandshakeRedaction } from './handshake-redaction'
import type { HandshakeDetail } from './realtime-socket'

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
 * The error of a failed handshake, once core's redaction has loaded (only then): the credentials the upgrade
 * request's `headers` carried are cut out of everything it quotes.
 */
export function handshakeFailure(
  url: string,
  detail: HandshakeDetail,
  headers: Record<string, string> = {},
): Promise<RealtimeHandshakeError> {
  return import('./handshake-redaction').then((m) =>
    describeHandshake(url, detail, m.handshakeRedaction(headers)),
  )
}

/**
 * Builds the error that says why a handshake failed, from whatever the runtime reported. The server's body is
 * redacted by value before anything quotes or parses it.
 */
export function describeHandshake(
  url: string,
  detail: HandshakeDetail,
  redact: HandshakeRedaction,
): RealtimeHandshakeError {
  const where = redact.url(url)
  const { cause } = detail
  if (detail.body) detail = { ...detail, body: redact.body(detail.body) }
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
  return new RealtimeHandshakeError(redact.message(`${message} (${where})`), {
    status,
    code,
    error,
    url: where,
    cause,
  })
}
