import { InvalidOptionError } from './errors'

/** Marks clients made by `createClient`; `Symbol.for`, so a client from another copy of core (ESM/CJS) passes. */
export const CLIENT_BRAND: unique symbol = /* @__PURE__ */ Symbol.for('@acme/openai-core/client')

/**
 * Throws one clear error when the first argument of `operation` is not a client from `createClient`
 * (a plain-JavaScript caller who forgot it, or passed the params first).
 * @internal
 */
export function _assertClient(client: unknown, operation = 'request'): void {
  if ((client as any)?.[CLIENT_BRAND] !== true)
    throw new InvalidOptionError(
      'client',
      `${operation}(client, params): the first argument must be a client from createClient(), got ${client === null ? 'null' : typeof client}. Call it as ${operation}(createClient(), params).`,
    )
}
