/**
 * Whether `value` is a plain JSON object (not `null`, not an array): the one check every route and builder of the
 * mock uses on request bodies. `T` types the values (`unknown` unless a caller reads them loosely).
 */
export const isRecord = <T = unknown>(value: unknown): value is Record<string, T> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
