export { connectRealtime } from './connect-realtime-native'
export * from './runtime-neutral'
