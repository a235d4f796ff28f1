/**
 * `text` with the key removed: the key itself, and any `sk-...` token the upstream may quote back (OpenAI's 401
 * names the key it got, partly masked). Used on upstream error bodies before they reach the browser.
 */
export function redactKey(text: string, key: string): string {
  let out = key ? text.split(key).join('[redacted]') : text
  out = out.replace(/\bsk-[A-Za-z0-9_*.-]{4,}/g, 'sk-[redacted]')
  return out
}
