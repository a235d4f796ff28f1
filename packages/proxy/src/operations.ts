import type { AllowedOperation, KnownOperation } from './types'

/** Method and path of each operation the proxy knows by name (paths under the API root). */
const KNOWN: Record<KnownOperation, readonly [string, string]> = {
  createResponse: ['POST', '/responses'],
  retrieveResponse: ['GET', '/responses/:id'],
  cancelResponse: ['POST', '/responses/:id/cancel'],
  deleteResponse: ['DELETE', '/responses/:id'],
  listInputItems: ['GET', '/responses/:id/input_items'],
  countInputTokens: ['POST', '/responses/input_tokens'],
  compactResponse: ['POST', '/responses/compact'],
  createChatCompletion: ['POST', '/chat/completions'],
  createEmbedding: ['POST', '/embeddings'],
  createModeration: ['POST', '/moderations'],
  listModels: ['GET', '/models'],
  retrieveModel: ['GET', '/models/:model'],
  generateImage: ['POST', '/images/generations'],
  editImage: ['POST', '/images/edits'],
  createImageVariation: ['POST', '/images/variations'],
  createSpeech: ['POST', '/audio/speech'],
  createTranscription: ['POST', '/audio/transcriptions'],
  createTranslation: ['POST', '/audio/translations'],
  createClientSecret: ['POST', '/realtime/client_secrets'],
  createContentProvenanceCheck: ['POST', '/content_provenance_checks'],
}

/** A compiled allow-list entry. */
export interface OperationRule {
  name: string
  method: string
  segments: readonly string[]
}

/** Turns `allow` into rules; throws a TypeError naming an unknown operation. */
export function compileRules(allow: readonly AllowedOperation[]): OperationRule[] {
  if (!Array.isArray(allow) || allow.length === 0)
    throw new TypeError(
      "createProxyHandler needs `allow`: the operations the browser may call, e.g. allow: ['createResponse'].",
    )
  return allow.map((entry) => {
    if (typeof entry === 'string') {
      const known = (KNOWN as Record<string, readonly [string, string] | undefined>)[entry]
      if (!known)
        throw new TypeError(
          `Unknown operation "${entry}" in allow. Known: ${Object.keys(KNOWN).join(', ')}; or give { method, path }.`,
        )
      return { name: entry, method: known[0], segments: split(known[1]) }
    }
    const method = String(entry.method).toUpperCase()
    return { name: entry.name ?? `${method} ${entry.path}`, method, segments: split(entry.path) }
  })
}

const split = (path: string) => path.split('/').filter(Boolean)

/**
 * The rule a request matches, by method and path segments (`:x` matches one segment). A path with an empty, `.`
 * or `..` segment matches nothing, so it cannot climb out of an allowed operation.
 */
export function matchOperation(
  rules: readonly OperationRule[],
  method: string,
  path: string,
): OperationRule | undefined {
  const segments = path.split('/').slice(1)
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /%2e|%2f|%5c/i.test(s))) return undefined
  return rules.find(
    (rule) =>
      rule.method === method &&
      rule.segments.length === segments.length &&
      rule.segments.every((s, i) => s.startsWith(':') || s === segments[i]),
  )
}
