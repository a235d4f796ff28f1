import { describe, expect, it } from 'vitest'
import { azureRealtimeURL } from './azure-realtime-url'

const rewrite = (url: string) => azureRealtimeURL(new URL(url)).href

describe('azureRealtimeURL', () => {
  it('puts the socket on the v1 API and drops api-version, keeping the target and other parameters', () => {
    expect(rewrite('wss://r.openai.azure.com/openai/realtime?api-version=2024-10-21&model=rt')).toBe(
      'wss://r.openai.azure.com/openai/v1/realtime?model=rt',
    )
    expect(rewrite('wss://r.openai.azure.com/openai/v1/realtime?model=rt&x=1')).toBe(
      'wss://r.openai.azure.com/openai/v1/realtime?model=rt&x=1',
    )
    expect(rewrite('ws://127.0.0.1:1/gateway/openai/realtime?api-version=v&call_id=rtc_1')).toBe(
      'ws://127.0.0.1:1/gateway/openai/v1/realtime?call_id=rtc_1',
    )
  })

  it('appends /v1 under a base URL that names a deployment, as the official client does', () => {
    expect(rewrite('wss://r.openai.azure.com/openai/deployments/d/realtime?api-version=v&model=d')).toBe(
      'wss://r.openai.azure.com/openai/deployments/d/v1/realtime?model=d',
    )
  })
})
