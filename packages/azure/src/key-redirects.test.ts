import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { APIError, request } from '@acme/openai-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { azureClient } from './azure-client'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
}

/** A server that records requests and redirects `/to/<status>/<where>` to `<where>` (an absolute URL or a path). */
async function recordingServer(seen: Seen[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers })
    req.resume()
    const redirect = /^\/openai\/to\/(\d+)\/(.+?)(\?|$)/.exec(req.url!)
    if (redirect) {
      res.writeHead(Number(redirect[1]), { location: decodeURIComponent(redirect[2]) }).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const azureSeen: Seen[] = []
const elsewhereSeen: Seen[] = []
let azure: { server: Server; url: string }
let elsewhere: { server: Server; url: string }
beforeAll(async () => {
  azure = await recordingServer(azureSeen)
  elsewhere = await recordingServer(elsewhereSeen)
})
afterAll(() => {
  azure.server.close()
  elsewhere.server.close()
})
beforeEach(() => {
  azureSeen.length = 0
  elsewhereSeen.length = 0
})

const keyClient = () =>
  azureClient({ endpoint: azure.url, apiVersion: 'v', apiKey: 'secret-key', maxRetries: 0 })
const to = (status: number, where: string) => `/to/${status}/${encodeURIComponent(where)}`

describe('api-key requests and redirects', () => {
  it('do not follow a redirect to another origin: the 3xx comes back as an APIError', async () => {
    const error: any = await request(keyClient(), {
      method: 'get',
      path: to(302, `${elsewhere.url}/steal`),
    }).catch((e: any) => e)
    expect(error).toBeInstanceOf(APIError)
    expect(error.status).toBe(302)
    expect(elsewhereSeen).toEqual([])
  })

  it('do not follow one within the origin either, as the official client does', async () => {
    const error: any = await request(keyClient(), {
      method: 'post',
      path: to(307, '/openai/moved'),
      body: { a: 1 },
    }).catch((e: any) => e)
    expect(error.status).toBe(307)
    expect(azureSeen.map((s) => s.url.split('?')[0])).toEqual([`/openai${to(307, '/openai/moved')}`])
  })

  it("leave a caller's own redirect option alone", async () => {
    const result = await request(keyClient(), {
      method: 'get',
      path: to(302, '/openai/moved'),
      fetchOptions: { redirect: 'follow' },
    })
    expect(result).toEqual({ ok: true })
    expect(azureSeen.map((s) => s.headers['api-key'])).toEqual(['secret-key', 'secret-key'])
  })

  it('leave requests without api-key to fetch, which drops Authorization on the way to another origin', async () => {
    const client = azureClient({
      endpoint: azure.url,
      apiVersion: 'v',
      azureADTokenProvider: () => 'tok',
      maxRetries: 0,
    })
    await request(client, { method: 'get', path: to(302, `${elsewhere.url}/fine`) })
    expect(azureSeen[0].headers.authorization).toBe('Bearer tok')
    expect(elsewhereSeen).toHaveLength(1)
    expect(elsewhereSeen[0].headers.authorization).toBeUndefined()
  })
})
