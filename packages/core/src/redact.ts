// The credential headers: authorization, proxy-authorization, api-key, x-api-key, openai-api-key, cookie,
// set-cookie, x-auth-token, x-id-token, x-session-token, x-amz-security-token (lower-case names).
const SENSITIVE_HEADERS =
  /^(?:(?:proxy-)?authorization|(?:x-|openai-)?api-key|(?:set-)?cookie|x-(?:auth|id|session|amz-security)-token)$/
const SENSITIVE_QUERY =
  /^(?:(?:api[-_]?)?key|(?:(?:access|id|refresh)[-_]?)?token|password|(?:client[-_]?)?secret|sig(?:nature)?|code|x-(?:goog|amz)-.*)$/i

/**
 * A copy of `headers` with credential values replaced by `***`, for logs and errors.
 * @internal
 */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k in headers) out[k] = SENSITIVE_HEADERS.test(k.toLowerCase()) ? '***' : headers[k]
  return out
}

/**
 * The URL with user info, fragment and credential-like query values replaced by `***`.
 * @internal
 */
export function redactURL(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, '$1***@')
    .replace(/#.*$/, '')
    .replace(/([?&])([^=&#]+)=([^&#]*)/g, (m, sep, name) =>
      SENSITIVE_QUERY.test(decodeURIComponentSafe(name)) ? `${sep}${name}=***` : m,
    )
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * Replaces anything that looks like an OpenAI key or bearer token inside free text (error bodies, causes).
 * @internal
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(?:sk|ek|rk|sess)[-_][A-Za-z0-9_-]{8,}/g, (m) => `${m.slice(0, 3)}***`)
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***')
}

/**
 * The credentials in a request's headers (the token of `Authorization: Bearer <token>`, API-key headers), to be
 * cut out by value from anything the server echoes: a key need not look like `sk-...` to be secret.
 * @internal
 */
export function _secretValues(headers: Record<string, string>): string[] {
  const out: string[] = []
  for (const k in headers)
    if (SENSITIVE_HEADERS.test(k)) {
      const value = headers[k].replace(/^(?:Bearer|Basic)\s+/i, '')
      // Shorter values would redact ordinary words; real credentials are much longer.
      if (value.length >= 8) out.push(value)
    }
  return out
}

/**
 * `text` with every occurrence of each secret replaced by `***` (`sk-***` for a key with a known prefix, as
 * {@link redactSecrets} writes it). Plain text or raw JSON alike: the replacement needs no escaping.
 * @internal
 */
export function _redactValues(text: string, secrets: readonly string[]): string {
  for (const secret of secrets)
    text = text.split(secret).join(/^(?:sk|ek|rk|sess)[-_]/.test(secret) ? `${secret.slice(0, 3)}***` : '***')
  return text
}
