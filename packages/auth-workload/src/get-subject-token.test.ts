import { describe, expect, it } from 'vitest'
import { getSubjectToken } from './get-subject-token'
import { SubjectTokenProviderError } from './subject-token-provider-error'

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e) => e as SubjectTokenProviderError,
  )

describe('getSubjectToken', () => {
  it('returns the token trimmed, from a sync or an async provider', async () => {
    expect(await getSubjectToken({ tokenType: 'jwt', getToken: () => ' jwt-1\n' }, 1000)).toBe('jwt-1')
    expect(await getSubjectToken({ tokenType: 'id', getToken: async () => 'id-1' }, 1000)).toBe('id-1')
  })

  it('wraps a throw (sync or async) in a SubjectTokenProviderError naming the provider', async () => {
    const cause = new Error('vault sealed')
    const sync = await failure(
      getSubjectToken(
        {
          tokenType: 'jwt',
          getToken: () => {
            throw cause
          },
        },
        1000,
      ),
    )
    expect(sync).toBeInstanceOf(SubjectTokenProviderError)
    expect([sync!.message, sync!.provider, sync!.cause]).toEqual([
      'The custom subject token provider failed: vault sealed',
      'custom',
      cause,
    ])
    const named = await failure(
      getSubjectToken({ tokenType: 'jwt', name: 'vault', getToken: () => Promise.reject('sealed') }, 1000),
    )
    expect([named!.message, named!.provider]).toEqual([
      'The vault subject token provider failed: sealed',
      'vault',
    ])
  })

  it('passes a SubjectTokenProviderError through unchanged', async () => {
    const original = new SubjectTokenProviderError('IMDS said no', { provider: 'azure-imds', status: 400 })
    expect(
      await failure(getSubjectToken({ tokenType: 'jwt', getToken: () => Promise.reject(original) }, 1000)),
    ).toBe(original)
  })

  it.each([
    ['', 'an empty token'],
    ['  \n', 'an empty token'],
    [undefined, 'undefined'],
    [42, 'number'],
  ])('refuses a returned %j', async (value, what) => {
    const error = await failure(getSubjectToken({ tokenType: 'jwt', getToken: () => value as string }, 1000))
    expect(error!.message).toBe(`The custom subject token provider returned ${what} instead of a token.`)
  })

  it('gives up after the timeout and aborts the signal it gave the provider', async () => {
    let seen: AbortSignal | undefined
    const error = await failure(
      getSubjectToken(
        {
          tokenType: 'jwt',
          getToken: ({ signal } = {}) => {
            seen = signal
            return new Promise<string>(() => {})
          },
        },
        20,
      ),
    )
    expect(error!.message).toBe('The custom subject token provider did not return a token within 20 ms.')
    expect(seen?.aborted).toBe(true)
  })
})
