import { OpenAIError } from '@acme/openai-core'
import { describeCause } from './describe-cause'
import type { SubjectTokenProvider } from './subject-token-provider'
import { SubjectTokenProviderError } from './subject-token-provider-error'

/** Where Kubernetes mounts a pod's service account token. */
export const DEFAULT_K8S_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token'

/** Options of `k8sServiceAccountTokenProvider()`. */
export interface K8sServiceAccountTokenProviderOptions {
  /**
   * Reads the token file as text. Required from the main entry, which uses no Node built-in; the
   * `@acme/openai-auth-workload/node` entry defaults it to `node:fs`.
   */
  readFile?: (path: string) => string | Promise<string>
}

/**
 * Uses the pod's (projected) Kubernetes service account token as the subject token. The file is read again for
 * every exchange, so a rotated token is picked up.
 *
 * @example
 * // Deno or any runtime with its own file API; on Node import it from '@acme/openai-auth-workload/node'.
 * k8sServiceAccountTokenProvider('/var/run/secrets/openai/token', { readFile: (p) => Deno.readTextFile(p) })
 */
// @__NO_SIDE_EFFECTS__
export function k8sServiceAccountTokenProvider(
  path: string = DEFAULT_K8S_TOKEN_PATH,
  options: K8sServiceAccountTokenProviderOptions = {},
): SubjectTokenProvider {
  if (typeof path !== 'string' || !path)
    throw new OpenAIError('k8sServiceAccountTokenProvider(): `path` must be the path of the token file.')
  const readFile = options.readFile
  if (typeof readFile !== 'function')
    throw new OpenAIError(
      "k8sServiceAccountTokenProvider(): pass { readFile } here, or on Node import it from '@acme/openai-auth-workload/node', which reads the file with node:fs.",
    )
  return {
    tokenType: 'jwt',
    name: 'kubernetes',
    async getToken() {
      let text: unknown
      try {
        text = await readFile(path)
      } catch (cause) {
        throw new SubjectTokenProviderError(
          `Failed to read the Kubernetes service account token at ${path}: ${describeCause(cause)}. Mount a projected service account token there, or pass its path.`,
          { provider: 'kubernetes', cause },
        )
      }
      const token = typeof text === 'string' ? text.trim() : ''
      if (!token)
        throw new SubjectTokenProviderError(
          `The Kubernetes service account token file at ${path} is empty.`,
          {
            provider: 'kubernetes',
          },
        )
      return token
    },
  }
}
