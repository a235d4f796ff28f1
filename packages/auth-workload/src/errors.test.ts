import { OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { OAuthError } from './oauth-error'
import { SubjectTokenProviderError } from './subject-token-provider-error'

describe('error classes', () => {
  it('OAuthError carries the OAuth fields and is an OpenAIError', () => {
    const headers = new Headers({ 'x-request-id': 'req_1' })
    const error = new OAuthError('refused', {
      status: 401,
      error: 'invalid_grant',
      error_description: 'No mapping.',
      headers,
    })
    expect(error).toBeInstanceOf(OAuthError)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('OAuthError')
    expect([error.message, error.status, error.error, error.error_description, error.requestID]).toEqual([
      'refused',
      401,
      'invalid_grant',
      'No mapping.',
      'req_1',
    ])
    expect(error.headers).toBe(headers)
    expect(new OpenAIError('x')).not.toBeInstanceOf(OAuthError)
  })

  it('SubjectTokenProviderError names the provider and keeps the cause', () => {
    const cause = new Error('EACCES')
    const error = new SubjectTokenProviderError('no token', { provider: 'kubernetes', cause })
    expect(error).toBeInstanceOf(SubjectTokenProviderError)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.name).toBe('SubjectTokenProviderError')
    expect([error.provider, error.status, error.cause]).toEqual(['kubernetes', undefined, cause])
    const http = new SubjectTokenProviderError('503', { provider: 'azure-imds', status: 503 })
    expect([http.status, 'cause' in http]).toEqual([503, false])
  })

  it('instanceof holds across copies of the class through the shared brand', () => {
    class CopiedOAuthError extends OpenAIError {
      static override readonly brand: string = 'OAuthError'
    }
    expect(new CopiedOAuthError('from another bundle')).toBeInstanceOf(OAuthError)
    class CopiedProviderError extends OpenAIError {
      static override readonly brand: string = 'SubjectTokenProviderError'
    }
    expect(new CopiedProviderError('x')).toBeInstanceOf(SubjectTokenProviderError)
    expect(new CopiedProviderError('x')).not.toBeInstanceOf(OAuthError)
  })
})
