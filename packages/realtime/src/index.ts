export { connectRealtime } from './connect-realtime-node'
export * from './runtime-neutral'
