export type { LoggerProviderLike } from './message-content'
export { type TelemetryOptions, withTelemetry } from './with-telemetry'
