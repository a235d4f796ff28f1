import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AuthProvider } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as api from './index'
import * as nodeApi from './node/index'

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_K8S_TOKEN_PATH',
      'DEFAULT_REFRESH_BUFFER_SECONDS',
      'DEFAULT_TOKEN_EXCHANGE_URL',
      'OAuthError',
      'SUBJECT_TOKEN_TYPES',
      'SubjectTokenProviderError',
      'TOKEN_EXCHANGE_GRANT_TYPE',
      'azureManagedIdentityTokenProvider',
      'gcpIdTokenProvider',
      'k8sServiceAccountTokenProvider',
      'workloadIdentity',
    ])
    expect(Object.keys(nodeApi)).toEqual(['k8sServiceAccountTokenProvider'])
    expect([
      api.DEFAULT_TOKEN_EXCHANGE_URL,
      api.TOKEN_EXCHANGE_GRANT_TYPE,
      api.DEFAULT_REFRESH_BUFFER_SECONDS,
      api.DEFAULT_K8S_TOKEN_PATH,
      api.SUBJECT_TOKEN_TYPES,
    ]).toEqual([
      'https://auth.openai.com/oauth/token',
      'urn:ietf:params:oauth:grant-type:token-exchange',
      1200,
      '/var/run/secrets/kubernetes.io/serviceaccount/token',
      { jwt: 'urn:ietf:params:oauth:token-type:jwt', id: 'urn:ietf:params:oauth:token-type:id_token' },
    ])
  })

  it('has the documented types', () => {
    const auth = api.workloadIdentity({
      identityProviderId: 'i',
      serviceAccountId: 's',
      provider: { tokenType: 'jwt', getToken: () => 't' },
    })
    expectTypeOf(auth).toMatchTypeOf<AuthProvider>()
    expectTypeOf(auth.headers).returns.resolves.toEqualTypeOf<{ authorization: string }>()
    expectTypeOf(auth.invalidate).returns.toEqualTypeOf<true>()
    expectTypeOf(api.gcpIdTokenProvider).returns.toEqualTypeOf<api.SubjectTokenProvider>()
    expectTypeOf<api.SubjectTokenType>().toEqualTypeOf<'jwt' | 'id'>()
    expectTypeOf<api.OAuthError['error']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<api.SubjectTokenProviderError['provider']>().toEqualTypeOf<string>()
    expectTypeOf(nodeApi.k8sServiceAccountTokenProvider).parameters.toEqualTypeOf<
      [path?: string, options?: api.K8sServiceAccountTokenProviderOptions]
    >()
    const typeOnly = () =>
      api.workloadIdentity({
        identityProviderId: 'i',
        serviceAccountId: 's',
        // @ts-expect-error tokenType is 'jwt' | 'id'
        provider: { tokenType: 'saml', getToken: () => 't' },
      })
    expect(typeOnly).toBeTypeOf('function')
  })

  it('keeps Node built-ins out of the main entry (it runs on edge runtimes)', () => {
    const src = dirname(fileURLToPath(import.meta.url))
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(/from '(node:|fs|path|os|crypto|http)/)
      expect(text, file).not.toMatch(/\b(Buffer|process)\./)
      for (const [, rel] of text.matchAll(/from '(\.[^']+)'/g)) visit(join(dirname(file), `${rel}.ts`))
    }
    visit(join(src, 'index.ts'))
    expect(seen.size).toBeGreaterThan(10)
  })
})
