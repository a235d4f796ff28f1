// Loaded lazily by `handshakeFailure`: the one realtime module that imports core's redaction, so apps that never
// open a socket (audio helpers, WebRTC calls) ship none of it.
import { _redactValues, _secretValues, redactSecrets, redactURL } from '@acme/openai-core/redact'

/** Core's redaction plus ephemeral keys (`ek_…`) and subprotocol keys, which core's patterns do not cover. */
export function redactRealtimeSecrets(text: string): string {
  return redactSecrets(text)
    .replace(/\b(ek|sk|rk)_[A-Za-z0-9_-]{4,}/g, '$1_***')
    .replace(/(openai-insecure-api-key\.)[^\s,'"]+/gi, '$1***')
}

/** How a handshake error redacts: a URL; a server body by value alone (before it is parsed); its message fully. */
export interface HandshakeRedaction {
  url(url: string): string
  body(text: string): string
  message(text: string): string
}

/** The redaction for the credentials `secrets`, or for those the upgrade request's `headers` carried. */
export function handshakeRedaction(secrets: readonly string[] | Record<string, string>): HandshakeRedaction {
  const values = Array.isArray(secrets) ? secrets : _secretValues(secrets as Record<string, string>)
  return {
    url: redactURL,
    body: (text) => _redactValues(text, values),
    message: (text) => redactRealtimeSecrets(_redactValues(text, values)),
  }
}
