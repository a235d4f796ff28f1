// What a call loads only when it fails or when its client has hooks or logs at `info`: one lazily loaded chunk
// for both, as two would each cost their own request and compress worse.
export * from './call-failure'
export * from './call-report'
export { redactURL } from './redact'
