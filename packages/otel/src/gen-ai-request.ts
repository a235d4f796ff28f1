import type { Attributes } from '@opentelemetry/api'

/** The calls `@opentelemetry/instrumentation-openai` traces, recognised by method and path (any base path). */
export type GenAIKind = 'chat' | 'embeddings' | 'responses'

/** What a GenAI call's span starts with, and the attributes its metric points share. */
export interface GenAIStart {
  kind: GenAIKind
  name: string
  /** Shared by the span and every metric point of the call. */
  common: Attributes
  /** The span's attributes at start: `common` plus the request parameters. */
  attributes: Attributes
}

const PATHS: [RegExp, GenAIKind][] = [
  [/\/chat\/completions$/, 'chat'],
  [/\/embeddings$/, 'embeddings'],
  [/\/responses$/, 'responses'],
]

/** `undefined` when the call is not one of the three GenAI operations (it then gets a plain HTTP span). */
export function genAIStart(
  method: string,
  path: string,
  body: unknown,
  server: Attributes,
): GenAIStart | undefined {
  if (method !== 'post' || !body || typeof body !== 'object') return
  const p = body as Record<string, any>
  const kind = PATHS.find(([re]) => re.test(path.split('?')[0].replace(/\/+$/, '')))?.[1]
  if (!kind) return
  // Chat Completions and embeddings carry `gen_ai.system`, Responses the newer `gen_ai.provider.name`,
  // exactly as the official instrumentation does.
  const common: Attributes = {
    'gen_ai.operation.name': kind === 'embeddings' ? 'embeddings' : 'chat',
    'gen_ai.request.model': p.model,
    [kind === 'responses' ? 'gen_ai.provider.name' : 'gen_ai.system']: 'openai',
    ...server,
  }
  const attributes: Attributes = { ...common }
  const set = (key: string, value: unknown) => {
    if (value != null) attributes[key] = value as any
  }
  if (kind === 'chat') {
    set('gen_ai.request.frequency_penalty', p.frequency_penalty)
    set(
      'gen_ai.request.max_tokens',
      typeof p.max_completion_tokens === 'number'
        ? p.max_completion_tokens
        : typeof p.max_tokens === 'number'
          ? p.max_tokens
          : undefined,
    )
    if (typeof p.presence_penalty === 'number') set('gen_ai.request.presence_penalty', p.presence_penalty)
    if (p.stop != null) set('gen_ai.request.stop_sequences', Array.isArray(p.stop) ? p.stop : [p.stop])
    set('gen_ai.request.temperature', p.temperature)
    set('gen_ai.request.top_p', p.top_p)
  } else if (kind === 'embeddings') {
    if (p.encoding_format != null) set('gen_ai.request.encoding_formats', [p.encoding_format])
  } else {
    set('gen_ai.system_instructions', p.instructions)
    set('gen_ai.request.max_tokens', p.max_output_tokens)
    set('gen_ai.request.temperature', p.temperature)
    set('gen_ai.request.top_p', p.top_p)
  }
  return { kind, name: `${common['gen_ai.operation.name']} ${p.model}`, common, attributes }
}

/** `server.address` and `server.port` of a base URL (the scheme's default port when it names none). */
export function serverAttributes(baseURL: string): Attributes {
  try {
    const u = new URL(baseURL)
    return {
      'server.address': u.hostname,
      'server.port': u.port ? Number(u.port) : ({ 'https:': 443, 'http:': 80 } as any)[u.protocol],
    }
  } catch {
    return {}
  }
}
