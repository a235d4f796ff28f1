/** The deterministic answer the mock gives to `source` (the user's text). */
export function replyText(source: string): string {
  return `Hello! You said: ${source}`
}

/** Whether the text asks about the weather (what makes the mock call a function tool). */
export function mentionsWeather(text: string): boolean {
  return /\bweather\b/i.test(text)
}

/** Whether the text is the magic input that makes a stream fail midway. */
export function isTriggerError(text: string): boolean {
  return text.trim().toLowerCase() === 'trigger error'
}

/** A rough, deterministic token count: about four characters a token. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4)
}

const MAX_CHUNKS = 32

/**
 * Splits text into word chunks for streaming deltas (`'Hello! '`, `'You '`, ...); long texts are grouped
 * into at most 32 chunks. Joining the chunks gives the text back.
 */
export function wordChunks(text: string): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text])
  if (words.length <= MAX_CHUNKS) return words
  const size = Math.ceil(words.length / MAX_CHUNKS)
  const chunks: string[] = []
  for (let i = 0; i < words.length; i += size) chunks.push(words.slice(i, i + size).join(''))
  return chunks
}

/** Splits text (e.g. function-call arguments) into up to `count` pieces of similar length. */
export function textPieces(text: string, count = 3): string[] {
  if (text === '') return []
  const size = Math.ceil(text.length / count)
  const pieces: string[] = []
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size))
  return pieces
}

/** The first `count` words of the text, with their spacing. */
export function firstWords(text: string, count: number): string {
  return (text.match(/\s*\S+\s*/g) ?? []).slice(0, Math.max(0, count)).join('')
}
