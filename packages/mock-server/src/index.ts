export { startMockServer } from './start-mock-server'
export type { Fault, MockServer, MockServerOptions, RecordedRequest } from './types'
