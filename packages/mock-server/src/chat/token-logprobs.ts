/** One entry of a choice's `logprobs.content`, as the API sends it. */
export interface TokenLogprob {
  token: string
  logprob: number
  bytes: number[]
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] }>
}

/** The `logprobs` options of a chat request: `logprobs: true`, optionally `top_logprobs: 0..20`. */
export function wantsLogprobs(params: Record<string, unknown>): { top: number } | undefined {
  if (params.logprobs !== true) return undefined
  const top = params.top_logprobs
  return { top: typeof top === 'number' && Number.isInteger(top) ? Math.min(Math.max(top, 0), 20) : 0 }
}

/**
 * A made-up but stable log probability per streamed piece: the same text always gets the same number, so tests can
 * compare a streamed completion with a non-streamed one. Alternatives are the token with a suffix, less likely.
 */
export function tokenLogprob(token: string, top: number): TokenLogprob {
  const bytes = [...new TextEncoder().encode(token)]
  const logprob = -((bytes.reduce((sum, b) => sum + b, 0) % 97) / 100 + 0.01)
  const entry = (text: string, value: number) => ({
    token: text,
    logprob: Math.round(value * 1e4) / 1e4,
    bytes: [...new TextEncoder().encode(text)],
  })
  const alternatives = Array.from({ length: Math.max(0, top - 1) }, (_, i) =>
    entry(`${token}~${i + 1}`, logprob - 1 - i),
  )
  return { ...entry(token, logprob), top_logprobs: top > 0 ? [entry(token, logprob), ...alternatives] : [] }
}
