import { readFile } from 'node:fs/promises'
import {
  DEFAULT_K8S_TOKEN_PATH,
  type K8sServiceAccountTokenProviderOptions,
  k8sServiceAccountTokenProvider as k8sProvider,
} from '../k8s-service-account-token-provider'
import type { SubjectTokenProvider } from '../subject-token-provider'

/**
 * Uses the pod's (projected) Kubernetes service account token as the subject token, read with `node:fs` for
 * every exchange so a rotated token is picked up. Default path `/var/run/secrets/kubernetes.io/serviceaccount/token`.
 *
 * @example
 * workloadIdentity({ identityProviderId, serviceAccountId, provider: k8sServiceAccountTokenProvider() })
 */
// @__NO_SIDE_EFFECTS__
export function k8sServiceAccountTokenProvider(
  path: string = DEFAULT_K8S_TOKEN_PATH,
  options: K8sServiceAccountTokenProviderOptions = {},
): SubjectTokenProvider {
  return k8sProvider(path, { readFile: options.readFile ?? ((file) => readFile(file, 'utf8')) })
}
