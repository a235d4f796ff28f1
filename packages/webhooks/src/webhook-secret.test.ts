import { afterEach, describe, expect, test, vi } from 'vitest'
import { resolveWebhookSecret } from './webhook-secret'

const missing = new TypeError(
  'The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, or passed to this function as `{ secret }`',
)

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

describe('resolveWebhookSecret', () => {
  test('uses the secret given, even when the environment has one', () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', 'whsec_env')
    expect(resolveWebhookSecret('whsec_given')).toBe('whsec_given')
  })

  test('falls back to OPENAI_WEBHOOK_SECRET, trimmed', () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', ' whsec_env\n')
    expect(resolveWebhookSecret(undefined)).toBe('whsec_env')
  })

  test('falls back to Deno.env where process.env lacks the variable', () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
    const get = vi.fn((name: string) => (name === 'OPENAI_WEBHOOK_SECRET' ? 'whsec_deno' : undefined))
    vi.stubGlobal('Deno', { env: { get } })
    expect(resolveWebhookSecret(undefined)).toBe('whsec_deno')
    expect(get).toHaveBeenCalledWith('OPENAI_WEBHOOK_SECRET')
  })

  test('treats an environment that refuses access (Deno without --allow-env) as unset', () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
    vi.stubGlobal('Deno', {
      env: {
        get: () => {
          throw new Error('Requires env access')
        },
      },
    })
    expect(() => resolveWebhookSecret(undefined)).toThrow(missing)
  })

  test('says how to set the secret when there is none', () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
    expect(() => resolveWebhookSecret(undefined)).toThrow(missing)
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', '  ')
    expect(() => resolveWebhookSecret(undefined)).toThrow(missing)
  })

  test('refuses an empty secret instead of replacing it with the environment one', () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', 'whsec_env')
    expect(() => resolveWebhookSecret('')).toThrow(missing)
  })

  test('refuses a secret that is not a string', () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
    expect(() => resolveWebhookSecret(42 as never)).toThrow(missing)
  })
})
