import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SubjectTokenProviderError } from '../subject-token-provider-error'
import { k8sServiceAccountTokenProvider } from './k8s-service-account-token-provider'

describe('k8sServiceAccountTokenProvider (node:fs)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'k8s-token-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('reads the file fresh on every call, so a rotated token is picked up', async () => {
    const file = join(dir, 'token')
    await writeFile(file, 'my-k8s-token\n')
    const provider = k8sServiceAccountTokenProvider(file)
    expect([provider.tokenType, provider.name]).toEqual(['jwt', 'kubernetes'])
    expect(await provider.getToken()).toBe('my-k8s-token')
    await writeFile(file, 'rotated-token')
    expect(await provider.getToken()).toBe('rotated-token')
  })

  it('names the provider and the path when the file is missing', async () => {
    const file = join(dir, 'missing')
    const error = await Promise.resolve(k8sServiceAccountTokenProvider(file).getToken()).catch((e) => e)
    expect(error).toBeInstanceOf(SubjectTokenProviderError)
    expect(error.provider).toBe('kubernetes')
    expect(error.message).toBe(
      `Failed to read the Kubernetes service account token at ${file}: ENOENT: no such file or directory, open '${file}'. Mount a projected service account token there, or pass its path.`,
    )
    expect(error.cause.code).toBe('ENOENT')
  })

  it('still takes an injected reader', async () => {
    expect(await k8sServiceAccountTokenProvider('/x', { readFile: () => 'injected' }).getToken()).toBe(
      'injected',
    )
  })
})
