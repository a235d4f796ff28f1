import type { ServerResponse } from 'node:http'
import { errorTypeFor } from './reply'
import { openEventStream, writeChunk, writeThenCut } from './sse'
import type { Fault } from './types'
import { wait } from './wait'

function faultBody(fault: Fault, status: number): { text: string; contentType: string | null } {
  const body =
    fault.body !== undefined || status < 400
      ? fault.body
      : {
          error: {
            message: `Injected fault: the mock server answered ${status} as scripted.`,
            type: errorTypeFor(status),
            param: null,
            code: status === 429 ? 'rate_limit_exceeded' : null,
          },
        }
  if (body === undefined) return { text: '', contentType: null }
  if (typeof body === 'string') return { text: body, contentType: 'text/plain; charset=utf-8' }
  return { text: JSON.stringify(body), contentType: 'application/json' }
}

async function playSse(
  res: ServerResponse,
  fault: Fault,
  sse: NonNullable<Fault['sse']>,
  signal: AbortSignal,
) {
  openEventStream(res, fault.status ?? 200, fault.headers)
  const { chunks, delayMs = 0, cutAfter } = sse
  if (cutAfter === 0) return writeThenCut(res, null)
  for (let i = 0; i < chunks.length; i++) {
    if (i > 0 && delayMs > 0 && !(await wait(delayMs, signal))) return
    if (cutAfter === i + 1) return writeThenCut(res, chunks[i])
    if (!(await writeChunk(res, chunks[i]))) return
  }
  if (cutAfter !== undefined) return writeThenCut(res, null)
  res.end()
}

/**
 * Plays a fault on a request. Resolves `true` when the fault answered (or the request is gone), `false` when
 * the normal route should answer (a fault with only `delayMs` and/or `headers`).
 */
export async function applyFault(fault: Fault, res: ServerResponse, signal: AbortSignal): Promise<boolean> {
  if (fault.delayMs && !(await wait(fault.delayMs, signal))) return true
  if (res.destroyed) return true
  if (fault.reset) {
    res.socket?.destroy()
    res.destroy()
    return true
  }
  if (fault.sse) {
    await playSse(res, fault, fault.sse, signal)
    return true
  }
  if (fault.status !== undefined) {
    const { text, contentType } = faultBody(fault, fault.status)
    const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(text)) }
    if (contentType) headers['content-type'] = contentType
    res.writeHead(fault.status, { ...headers, ...fault.headers })
    res.end(text)
    return true
  }
  for (const [name, value] of Object.entries(fault.headers ?? {})) res.setHeader(name, value)
  return false
}
