import type { Client } from '@acme/openai-core'

const NAME = 'x-stainless-helper-method'

/**
 * The header official SDKs send to say which helper made a request. Like theirs, a client created with
 * `defaultHeaders: { 'X-Stainless-Helper-Method': null }` turns it off.
 */
export function helperMethodHeader(client: Client, method: string): Record<string, string> | undefined {
  const defaults = client.defaultHeaders
  if (defaults && !(defaults instanceof Headers) && !Array.isArray(defaults))
    for (const key in defaults as Record<string, unknown>)
      if (key.toLowerCase() === NAME && (defaults as Record<string, unknown>)[key] === null) return undefined
  return { [NAME]: method }
}
