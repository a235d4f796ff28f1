import WebSocket from 'isomorphic-ws'
import type { OpeningSocket, RealtimeWebSocketConstructor, SocketOpenRequest } from '../realtime-socket'
import { openHeaderSocket } from './open-header-socket'

/** How much of a refused upgrade's body is kept for the error message. */
const MAX_BODY = 4096

/**
 * Opens a socket with `ws` (through isomorphic-ws) and an `Authorization` header. When the server refuses the
 * upgrade, its status and body are kept so the error can say why.
 */
export function openNodeSocket(request: SocketOpenRequest): OpeningSocket {
  const opening = openHeaderSocket(
    { ...request, webSocketOptions: { perMessageDeflate: false, ...request.webSocketOptions } },
    WebSocket as unknown as RealtimeWebSocketConstructor,
  )
  const socket = opening.socket as any
  // Only `ws` has this event; an injected browser-style class fails with less detail.
  if (typeof socket.on === 'function')
    socket.on('unexpected-response', (_request: unknown, response: any) => {
      opening.detail.status = response.statusCode
      const chunks: Uint8Array[] = []
      let size = 0
      let finished = false
      const finish = () => {
        if (finished) return
        finished = true
        const bytes = new Uint8Array(size)
        let offset = 0
        for (const chunk of chunks) {
          bytes.set(chunk, offset)
          offset += chunk.length
        }
        opening.detail.body = new TextDecoder().decode(bytes)
        socket.terminate()
      }
      response.on('data', (chunk: Uint8Array) => {
        if (size >= MAX_BODY) return
        const part = chunk.subarray(0, MAX_BODY - size)
        chunks.push(part)
        size += part.length
      })
      response.on('end', finish)
      response.on('error', finish)
      response.on('close', finish)
    })
  return opening
}
