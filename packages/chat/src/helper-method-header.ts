import type { Client } from '@acme/openai-core'

const NAME = 'x-stainless-helper-method'

/**
 * The header official SDKs send to say which helper made a request. Like theirs, a client created with
 * `defaultHeaders: { 'X-Stainless-Helper-Method': null }` turns it off.
 */
export function helperMethodHeader(client: Client, method: string): Record<string, string> | undefined {
  // Core merges operation headers after the client's defaults, so a `null` default must be honoured here.
  const defaults: any = client?.defaultHeaders
  return defaults?.[NAME] === null || defaults?.['X-Stainless-Helper-Method'] === null
    ? undefined
    : { [NAME]: method }
}
