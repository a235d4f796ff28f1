import type { ServerResponse } from 'node:http'

/** Sends the 200 `text/event-stream` head. */
export function openEventStream(
  res: ServerResponse,
  status = 200,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  })
  // Headers go out now, not with the first chunk, so clients see the stream open even before data flows.
  res.flushHeaders()
}

/** One SSE frame: an optional `event:` line, one `data:` line, a blank line. */
export function sseFrame(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`
}

/**
 * Writes a chunk honouring backpressure: resolves `true` once the socket can take more, `false` if the
 * client went away (then the caller should stop producing).
 */
export function writeChunk(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false)
  if (res.write(chunk)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      res.off('drain', onDrain)
      res.off('close', onClose)
      resolve(ok)
    }
    const onDrain = () => finish(true)
    const onClose = () => finish(false)
    res.on('drain', onDrain)
    res.on('close', onClose)
  })
}

/** Writes `chunk`, waits until it reached the socket, then destroys the socket mid-body (a truncated stream). */
export function writeThenCut(res: ServerResponse, chunk: string | null): Promise<void> {
  return new Promise((resolve) => {
    const cut = () => {
      res.socket?.destroy()
      res.destroy()
      resolve()
    }
    if (chunk === null || chunk === '' || res.destroyed) cut()
    else res.write(chunk, cut)
  })
}
