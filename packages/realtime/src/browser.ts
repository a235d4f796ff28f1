export { connectRealtime } from './connect-realtime-browser'
export * from './runtime-neutral'
