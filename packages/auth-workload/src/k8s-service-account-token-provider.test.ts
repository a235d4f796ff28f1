import { OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { DEFAULT_K8S_TOKEN_PATH, k8sServiceAccountTokenProvider } from './k8s-service-account-token-provider'
import { SubjectTokenProviderError } from './subject-token-provider-error'

describe('k8sServiceAccountTokenProvider (injected reader)', () => {
  it('reads the default path on every call, trimmed', async () => {
    const reads: string[] = []
    const provider = k8sServiceAccountTokenProvider(undefined, {
      readFile: (path) => {
        reads.push(path)
        return `jwt-${reads.length}\n`
      },
    })
    expect([provider.tokenType, provider.name]).toEqual(['jwt', 'kubernetes'])
    expect([await provider.getToken(), await provider.getToken()]).toEqual(['jwt-1', 'jwt-2'])
    expect(reads).toEqual([DEFAULT_K8S_TOKEN_PATH, DEFAULT_K8S_TOKEN_PATH])
  })

  it('wraps read failures and empty files', async () => {
    const missing = k8sServiceAccountTokenProvider('/t', {
      readFile: () =>
        Promise.reject(
          Object.assign(new Error("ENOENT: no such file or directory, open '/t'"), { code: 'ENOENT' }),
        ),
    })
    const error = await Promise.resolve(missing.getToken()).catch((e) => e)
    expect(error).toBeInstanceOf(SubjectTokenProviderError)
    expect([error.message, error.provider]).toEqual([
      "Failed to read the Kubernetes service account token at /t: ENOENT: no such file or directory, open '/t'. Mount a projected service account token there, or pass its path.",
      'kubernetes',
    ])
    const empty = k8sServiceAccountTokenProvider('/t', { readFile: () => ' \n' })
    expect((await Promise.resolve(empty.getToken()).catch((e) => e)).message).toBe(
      'The Kubernetes service account token file at /t is empty.',
    )
  })

  it('asks for a reader when used from the main entry without one', () => {
    expect(() => k8sServiceAccountTokenProvider()).toThrow(
      new OpenAIError(
        "k8sServiceAccountTokenProvider(): pass { readFile } here, or on Node import it from '@acme/openai-auth-workload/node', which reads the file with node:fs.",
      ),
    )
  })
})
