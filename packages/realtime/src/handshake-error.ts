import type { RealtimeHandshakeError } from './errors'
import { handshakeRedaction } from './handshake-redaction'
import { describeHandshake } from './handshake-report'
import type { HandshakeDetail } from './realtime-socket'

export { redactRealtimeSecrets } from './handshake-redaction'

/**
 * The error that says why a handshake failed, with core's redaction loaded up front: `secrets` (the credentials the
 * upgrade request sent) are cut out by value. The socket code uses `handshakeFailure`, which loads it on failure.
 */
export function handshakeError(
  url: string,
  detail: HandshakeDetail,
  secrets: readonly string[] = [],
): RealtimeHandshakeError {
  return describeHandshake(url, detail, handshakeRedaction(secrets))
}
