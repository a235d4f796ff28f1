export { connectRealtime } from './connect-realtime-workerd'
export * from './runtime-neutral'
