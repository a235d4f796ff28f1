export { k8sServiceAccountTokenProvider } from './k8s-service-account-token-provider'
