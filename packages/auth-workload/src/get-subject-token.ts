import { deadlineSignal } from './deadline-signal'
import { describeCause } from './describe-cause'
import type { SubjectTokenProvider } from './subject-token-provider'
import { SubjectTokenProviderError } from './subject-token-provider-error'

/**
 * Asks `provider` for a fresh subject token, giving up after `timeout` ms. Every failure becomes a
 * `SubjectTokenProviderError` naming the provider; a returned token is trimmed (files often end in a newline).
 */
export async function getSubjectToken(provider: SubjectTokenProvider, timeout: number): Promise<string> {
  const name = provider.name || 'custom'
  const deadline = deadlineSignal(timeout)
  const expired = new Promise<never>((_, reject) =>
    deadline.signal.addEventListener(
      'abort',
      () =>
        reject(
          new SubjectTokenProviderError(
            `The ${name} subject token provider did not return a token within ${timeout} ms.`,
            { provider: name },
          ),
        ),
      { once: true },
    ),
  )
  let token: unknown
  try {
    token = await Promise.race([
      Promise.resolve().then(() => provider.getToken({ signal: deadline.signal })),
      expired,
    ])
  } catch (cause) {
    if (cause instanceof SubjectTokenProviderError) throw cause
    throw new SubjectTokenProviderError(
      `The ${name} subject token provider failed: ${describeCause(cause)}`,
      { provider: name, cause },
    )
  } finally {
    deadline.clear()
  }
  if (typeof token !== 'string' || !token.trim())
    throw new SubjectTokenProviderError(
      `The ${name} subject token provider returned ${typeof token === 'string' ? 'an empty token' : typeof token} instead of a token.`,
      { provider: name },
    )
  return token.trim()
}
