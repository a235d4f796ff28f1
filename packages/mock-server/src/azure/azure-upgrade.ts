import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { splitTarget } from '../record-request'
import { azureToV1 } from './azure-request'

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

/**
 * Serves Azure's realtime socket (`/openai/v1/realtime?model=<deployment>`) with the mock's `/v1/realtime` one: the
 * path is mapped and an `api-key` header is handed on as the bearer key that listener checks.
 */
export function azureUpgrade(listener: UpgradeListener): UpgradeListener {
  return (req, socket, head) => {
    const { path, search } = splitTarget(req.url ?? '/')
    const mapped = azureToV1(path)
    if (mapped) {
      const key = req.headers['api-key']
      if (typeof key === 'string' && key.trim() && !req.headers.authorization) {
        // Both views of the headers, as the listener reads `headersDistinct`.
        req.headers.authorization = `Bearer ${key.trim()}`
        req.headersDistinct.authorization = [req.headers.authorization]
      }
      req.url = mapped.path + search
    }
    listener(req, socket, head)
  }
}
