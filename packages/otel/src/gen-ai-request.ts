import type { Attributes } from '@opentelemetry/api'

/** The calls `@opentelemetry/instrumentation-openai` traces, recognised by method and path (any base path). */
export type GenAIKind = 'chat' | 'embeddings' | 'responses'

/** What a GenAI call's span starts with, and the attributes its metric points share. */
export interface GenAIStart {
  kind: GenAIKind
  name: string
  /** Shared by the span and every metric point of the call. */
  common: Attributes
  /** The span's attributes at start: `common` plus the request parameters the official instrumentation records. */
  attributes: Attributes
}

/**
 * `undefined` when the call is not one of the three GenAI operations (it then gets a plain HTTP span). Embeddings
 * and Responses load their parameters' code on first use.
 */
export async function genAIStart(
  method: string,
  path: string,
  body: any,
  server: Attributes,
): Promise<GenAIStart | undefined> {
  const kind =
    method === 'post' && body && typeof body === 'object'
      ? (/\/(chat\/completions|embeddings|responses)\/*$/
          .exec(path.split('?')[0])?.[1]
          .split('/')[0] as GenAIKind)
      : undefined
  if (!kind) return
  // Chat Completions and embeddings carry `gen_ai.system`, Responses the newer `gen_ai.provider.name`.
  const common: Attributes = {
    'gen_ai.operation.name': kind === 'embeddings' ? kind : 'chat',
    'gen_ai.request.model': body.model,
    [kind === 'responses' ? 'gen_ai.provider.name' : 'gen_ai.system']: 'openai',
    ...server,
  }
  const attributes: Attributes = { ...common }
  const set = (key: string, value: any) => {
    if (value != null) attributes[`gen_ai.${key}`] = value
  }
  if (kind === 'chat') {
    set('request.frequency_penalty', body.frequency_penalty)
    set(
      'request.max_tokens',
      [body.max_completion_tokens, body.max_tokens].find((v) => typeof v === 'number'),
    )
    if (typeof body.presence_penalty === 'number') set('request.presence_penalty', body.presence_penalty)
    if (body.stop != null) set('request.stop_sequences', [body.stop].flat())
  } else (await import('./embeddings-responses')).requestAttributes(kind, body, set)
  if (kind !== 'embeddings') {
    set('request.temperature', body.temperature)
    set('request.top_p', body.top_p)
  }
  return { kind, name: `${common['gen_ai.operation.name']} ${body.model}`, common, attributes }
}

/** `server.address` and `server.port` of a base URL (the scheme's default port when it names none). */
export function serverAttributes(baseURL: string): Attributes {
  const u = new URL(baseURL)
  return {
    'server.address': u.hostname,
    'server.port': u.port ? +u.port : u.protocol === 'https:' ? 443 : 80,
  }
}
