/** How long to keep a token before refreshing it, when the caller sets no buffer (20 minutes). */
export const DEFAULT_REFRESH_BUFFER_SECONDS = 1200

/**
 * Seconds after issue at which a token of `expiresIn` seconds is refreshed: `expiresIn - min(buffer, expiresIn / 2)`.
 * Clamping the buffer to half the lifetime keeps short-lived tokens useful for at least half their life.
 */
export function refreshAfterSeconds(expiresIn: number, bufferSeconds: number): number {
  return Math.max(expiresIn - Math.min(bufferSeconds, expiresIn / 2), 0)
}
