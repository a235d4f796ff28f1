import type { IncomingHttpHeaders } from 'node:http'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { readHeader, type WebhookHeaders } from './read-header'
import type { WebhookSignatureHeaders } from './sign-webhook'

describe('readHeader', () => {
  test('reads a fetch Headers object case-insensitively', () => {
    const headers = new Headers({ 'Webhook-Id': 'wh_1' })
    expect(readHeader(headers, 'webhook-id')).toBe('wh_1')
    expect(readHeader(headers, 'webhook-timestamp')).toBeUndefined()
  })

  test('reads a plain object whatever the case of its keys', () => {
    expect(readHeader({ 'WEBHOOK-ID': 'wh_1' }, 'webhook-id')).toBe('wh_1')
    expect(readHeader({ 'Webhook-Timestamp': '1750861210' }, 'webhook-timestamp')).toBe('1750861210')
    expect(readHeader({ other: 'x' }, 'webhook-id')).toBeUndefined()
  })

  test('keeps an empty value as present', () => {
    expect(readHeader({ 'webhook-id': '' }, 'webhook-id')).toBe('')
    expect(readHeader(new Headers({ 'webhook-id': '' }), 'webhook-id')).toBe('')
  })

  test("joins Node's repeated headers with ', ' as Headers#get does", () => {
    expect(readHeader({ 'webhook-signature': ['v1,a', 'v1,b'] }, 'webhook-signature')).toBe('v1,a, v1,b')
    const headers = new Headers()
    headers.append('webhook-signature', 'v1,a')
    headers.append('webhook-signature', 'v1,b')
    expect(readHeader(headers, 'webhook-signature')).toBe('v1,a, v1,b')
  })

  test('skips undefined and non-string values, taking the first string one', () => {
    const headers = { 'webhook-id': undefined, 'Webhook-Id': 7, 'WEBHOOK-ID': 'wh_2' } as unknown as Record<
      string,
      string
    >
    expect(readHeader(headers, 'webhook-id')).toBe('wh_2')
    expect(
      readHeader({ 'webhook-id': null } as unknown as Record<string, string>, 'webhook-id'),
    ).toBeUndefined()
  })

  test('uses any object with a get method, and treats a null answer as absent', () => {
    const map = new Map([['webhook-id', 'wh_1']])
    expect(readHeader(map, 'webhook-id')).toBe('wh_1')
    expect(readHeader(map, 'webhook-signature')).toBeUndefined()
    expect(readHeader({ get: () => null }, 'webhook-id')).toBeUndefined()
  })

  test('refuses something that is not a headers object', () => {
    for (const value of [null, undefined, 'webhook-id: wh_1', 42]) {
      expect(() => readHeader(value as never, 'webhook-id')).toThrow(
        new TypeError('Pass the request headers (a Headers object or a plain object) to verify a webhook'),
      )
    }
  })

  test('accepts the header shapes of fetch, Node and signWebhook at the type level', () => {
    expectTypeOf<Headers>().toExtend<WebhookHeaders>()
    expectTypeOf<IncomingHttpHeaders>().toExtend<WebhookHeaders>()
    expectTypeOf<WebhookSignatureHeaders>().toExtend<WebhookHeaders>()
    expectTypeOf<Record<string, string>>().toExtend<WebhookHeaders>()
    expectTypeOf<string>().not.toExtend<WebhookHeaders>()
  })
})
