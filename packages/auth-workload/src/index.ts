export {
  type AzureManagedIdentityTokenProviderOptions,
  azureManagedIdentityTokenProvider,
} from './azure-managed-identity-token-provider'
export { DEFAULT_TOKEN_EXCHANGE_URL, TOKEN_EXCHANGE_GRANT_TYPE } from './exchange-token'
export { type GcpIdTokenProviderOptions, gcpIdTokenProvider } from './gcp-id-token-provider'
export {
  DEFAULT_K8S_TOKEN_PATH,
  type K8sServiceAccountTokenProviderOptions,
  k8sServiceAccountTokenProvider,
} from './k8s-service-account-token-provider'
export { OAuthError } from './oauth-error'
export { DEFAULT_REFRESH_BUFFER_SECONDS } from './refresh-after-seconds'
export {
  SUBJECT_TOKEN_TYPES,
  type SubjectTokenProvider,
  type SubjectTokenType,
} from './subject-token-provider'
export { SubjectTokenProviderError } from './subject-token-provider-error'
export { type WorkloadIdentityAuth, workloadIdentity } from './workload-identity'
export type { WorkloadIdentityOptions } from './workload-identity-options'
