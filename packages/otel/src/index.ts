export type { LoggerProviderLike, LogRecordLike } from './message-content'
export { type TelemetryOptions, withTelemetry } from './with-telemetry'
