import { describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  makeAPIError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors'

const h = (extra: Record<string, string> = {}) => new Headers(extra)

describe('makeAPIError', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ])('maps %i to its class', (status, Class) => {
    const error = makeAPIError(status, { message: 'request failed' }, undefined, h())
    expect(error).toBeInstanceOf(Class)
    expect(error).toBeInstanceOf(APIError)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe(`${status} request failed`)
    expect(error.name).toBe(Class.name)
  })

  it('keeps an unmapped status as a plain APIError', () => {
    const error = makeAPIError(418, undefined, undefined, h())
    expect(error.constructor).toBe(APIError)
    expect(error.message).toBe('418 status code (no body)')
  })

  it('copies the error fields and the request id', () => {
    const error = makeAPIError(
      400,
      { message: 'bad', type: 'invalid_request_error', code: 'bad_thing', param: 'model' },
      undefined,
      h({ 'x-request-id': 'req_42' }),
    )
    expect([error.code, error.param, error.type, error.requestID, error.status]).toEqual([
      'bad_thing',
      'model',
      'invalid_request_error',
      'req_42',
      400,
    ])
  })

  it('formats messages like the official SDK', () => {
    expect(makeAPIError(418, { message: { reason: 'structured' } }, undefined, h()).message).toBe(
      '418 {"reason":"structured"}',
    )
    expect(makeAPIError(418, { reason: 'body only' }, undefined, h()).message).toBe(
      '418 {"reason":"body only"}',
    )
    expect(makeAPIError(404, undefined, 'plain oops', h()).message).toBe('404 plain oops')
    expect(new APIError(undefined, undefined, 'fallback', undefined).message).toBe('fallback')
    expect(new APIError(undefined, undefined, undefined, undefined).message).toBe('(no status code or body)')
  })

  it('turns a missing status or headers into a connection error with the cause', () => {
    const cause = new Error('socket hang up')
    const error = makeAPIError(undefined, cause, undefined, undefined)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(error.message).toBe('Connection error.')
  })
})

describe('default messages and hierarchy', () => {
  it('abort, connection and timeout', () => {
    expect(new APIUserAbortError().message).toBe('Request was aborted.')
    expect(new APIConnectionError().message).toBe('Connection error.')
    const timeout = new APIConnectionTimeoutError()
    expect(timeout.message).toBe('Request timed out.')
    expect(timeout).toBeInstanceOf(APIConnectionError)
    expect(timeout).toBeInstanceOf(APIError)
    expect(timeout).not.toBeInstanceOf(APIUserAbortError)
  })

  it('does not match unrelated errors or classes', () => {
    expect(new Error('x')).not.toBeInstanceOf(OpenAIError)
    expect(new RateLimitError(429, undefined, undefined, h())).not.toBeInstanceOf(InternalServerError)
    expect(null).not.toBeInstanceOf(OpenAIError)
  })

  it('recognises an error branded by another copy of the classes', () => {
    // What a second (CJS) copy of core produces: same brands, different constructors.
    const foreign = Object.create(Error.prototype)
    Object.defineProperty(foreign, Symbol.for('@acme/openai-core/error-brands'), {
      value: ['RateLimitError', 'APIError', 'OpenAIError'],
    })
    expect(foreign).toBeInstanceOf(RateLimitError)
    expect(foreign).toBeInstanceOf(APIError)
    expect(foreign).toBeInstanceOf(OpenAIError)
    expect(foreign).not.toBeInstanceOf(NotFoundError)
  })
})
