export { createProxyHandler } from './create-proxy-handler'
export type { AllowedOperation, KnownOperation, ProxyLogEntry, ProxyOptions } from './types'
