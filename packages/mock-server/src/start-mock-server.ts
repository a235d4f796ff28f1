import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { azureUpgrade } from './azure/azure-upgrade'
import { enqueueFaults } from './faults'
import { handleRequest } from './handle-request'
import { createMockState, resetMockState } from './mock-state'
import { createRealtimeUpgradeHandler } from './realtime/realtime-upgrade'
import { routes } from './routes/index'
import type { MockServer, MockServerOptions } from './types'

/**
 * Starts an OpenAI-compatible HTTP server on 127.0.0.1 (an ephemeral port by default) with scripted faults.
 *
 * @example
 * const server = await startMockServer()
 * const client = createClient({ baseURL: server.baseURL, apiKey: 'test' })
 * // ...
 * await server.close()
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', requireAuth = true } = options
  const lifetime = new AbortController()
  const state = createMockState(lifetime.signal)
  const server = createServer((req, res) => {
    void handleRequest(req, res, { state, routes, requireAuth })
  })
  server.on('upgrade', azureUpgrade(createRealtimeUpgradeHandler(state, { requireAuth })))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const address = server.address() as AddressInfo
  const hostPart = address.address.includes(':') ? `[${address.address}]` : address.address
  const url = `http://${hostPart}:${address.port}`
  let closed: Promise<void> | undefined

  return {
    url,
    baseURL: `${url}/v1`,
    requests: state.requests,
    enqueueFault: (...faults) => enqueueFaults(state, faults),
    reset: () => resetMockState(state),
    close() {
      closed ??= new Promise<void>((resolve) => {
        lifetime.abort()
        server.close(() => resolve())
        // Idle keep-alive sockets and open streams would otherwise keep close() waiting.
        server.closeAllConnections()
      })
      return closed
    },
  }
}
