import { describe, expect, it } from 'vitest'
import { decodeParams, findRoute, matchPath, type Route } from './route'

describe('route matching', () => {
  it('matchPath captures :params and a trailing *', () => {
    expect(matchPath('/v1/responses/:id', '/v1/responses/resp_1')).toEqual({ id: 'resp_1' })
    expect(matchPath('/v1/responses/:id', '/v1/responses/')).toBeNull()
    expect(matchPath('/v1/responses/:id', '/v1/responses/a/b')).toBeNull()
    expect(matchPath('/v1/echo/*', '/v1/echo/a/b')).toEqual({ '*': 'a/b' })
    expect(matchPath('/v1/echo/*', '/v1/echo')).toBeNull()
    expect(matchPath('/v1/models', '/v1/models')).toEqual({})
  })

  it('findRoute checks the method and takes the first match', () => {
    const a: Route = { method: 'GET', path: '/v1/x/:id', handle: () => {} }
    const b: Route = { method: ['POST', 'GET'], path: '/v1/x/special', handle: () => {} }
    expect(findRoute([a, b], 'GET', '/v1/x/special')?.route).toBe(a)
    expect(findRoute([a, b], 'POST', '/v1/x/special')?.route).toBe(b)
    expect(findRoute([a, b], 'DELETE', '/v1/x/special')).toBeNull()
  })

  it('decodeParams percent-decodes named params and refuses malformed ones', () => {
    expect(decodeParams({ id: 'ft%3Agpt', '*': 'a%20b' })).toEqual({ id: 'ft:gpt', '*': 'a%20b' })
    expect(decodeParams({ id: '%E0%A4%A' })).toBeNull()
  })
})
