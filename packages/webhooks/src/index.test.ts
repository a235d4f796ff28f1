import { fileURLToPath } from 'node:url'
import { createContext, runInContext } from 'node:vm'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'
import * as webhooks from './index'

async function browserBundle(format: 'esm' | 'iife'): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    format,
    globalName: format === 'iife' ? 'webhooks' : undefined,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}

describe('@acme/openai-webhooks main entry', () => {
  test('exports the four runtime values and nothing else', () => {
    expect(Object.keys(webhooks).sort()).toEqual([
      'InvalidWebhookSignatureError',
      'signWebhook',
      'unwrapWebhook',
      'verifyWebhookSignature',
    ])
  })

  test('bundles for the browser without Node built-ins, Buffer or require', async () => {
    const code = await browserBundle('esm')
    expect(code).not.toMatch(/\brequire\(|from ['"]node:|\bBuffer\b/)
    // The only use of `process` is the guarded environment lookup.
    expect(code.match(/\bprocess\b/g)).toEqual(['process'])
    expect(code).toContain('g.process?.env?.OPENAI_WEBHOOK_SECRET')
  })

  test('verifies and unwraps in a realm that has only Web APIs (no process, Buffer or require)', async () => {
    const context = createContext({ crypto, TextEncoder, TextDecoder, atob, btoa, Headers })
    runInContext(`${await browserBundle('iife')}\nDate.now = () => 1750861210000`, context)
    expect(runInContext('typeof process + typeof Buffer + typeof require', context)).toBe(
      'undefinedundefinedundefined',
    )
    context.payload =
      '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
    const event = await runInContext(
      `webhooks.unwrapWebhook(payload, new Headers({
        'webhook-id': 'wh_685c059ae39c8190af8c71ed1022a24d',
        'webhook-timestamp': '1750861210',
        'webhook-signature': 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=',
      }), { secret: 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=' })`,
      context,
    )
    expect(JSON.parse(JSON.stringify(event))).toEqual({
      id: 'evt_685c059ae3a481909bdc86819b066fb6',
      object: 'event',
      created_at: 1750861210,
      type: 'response.completed',
      data: { id: 'resp_123' },
    })
    const missingSecret = await runInContext(
      `webhooks.verifyWebhookSignature(payload, {}).then(() => 'resolved', (e) => e.message)`,
      context,
    )
    expect(missingSecret).toBe(
      'The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, or passed to this function as `{ secret }`',
    )
  })
})
