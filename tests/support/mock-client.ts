// Test fixture shared by the packages' tests: one mock server per test file, a client aimed at it with retries off
// (a test that wants retries makes its own), and a clean mock before each test. `mock` and `client` are live
// bindings, set once `beforeAll` has run.
import { type Client, createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach } from 'vitest'

export let mock: MockServer
export let client: Client

/** Registers the hooks in the calling test file. */
export function useMockClient(): void {
  beforeAll(async () => {
    mock = await startMockServer()
    client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  })
  afterAll(() => mock.close())
  beforeEach(() => mock.reset())
}
