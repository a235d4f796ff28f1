import { createLineDecoder } from './line-decoder'

/**
 * Reads newline-delimited JSON (one value per line, blank lines skipped) from `readable`.
 * Stopping early aborts `controller`; an abort of `controller` ends iteration quietly.
 * @internal
 */
export async function* _iterateNDJSON<T>(
  readable: ReadableStream<Uint8Array>,
  controller: AbortController,
): AsyncGenerator<T, void, undefined> {
  const { signal } = controller
  const lines = createLineDecoder()
  const reader = readable.getReader()
  const onAbort = () => {
    reader.cancel(signal.reason).catch(() => {})
  }
  signal.addEventListener('abort', onAbort)
  let ended = false
  try {
    for (;;) {
      if (signal.aborted) return
      const { value, done } = await reader.read()
      if (signal.aborted) return
      const found = done ? lines.flush() : lines.decode(value)
      for (let i = 0; i < found.length; i++) {
        if (found[i].length === 0) continue
        yield parseLine<T>(found[i])
        if (signal.aborted) return
      }
      if (done) break
    }
    ended = true
  } catch (error) {
    if (!signal.aborted) throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
    if (!ended) {
      controller.abort()
      reader.cancel().catch(() => {})
    }
    reader.releaseLock()
  }
}

function parseLine<T>(line: string): T {
  try {
    return JSON.parse(line)
  } catch {
    // Never echo the line: it can hold the user's private content.
    throw new SyntaxError('Error reading response: malformed newline-delimited JSON.')
  }
}
