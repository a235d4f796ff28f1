import { describe, expect, it } from 'vitest'
import { deadlineSignal } from './deadline-signal'
import { describeCause } from './describe-cause'
import { refreshAfterSeconds } from './refresh-after-seconds'
import { scrubSecrets } from './scrub-secrets'

describe('refreshAfterSeconds', () => {
  it.each([
    [3600, 1200, 2400],
    [3600, 120, 3480],
    [600, 1200, 300],
    [3600, 0, 3600],
    [1, 1200, 0.5],
    [7200, 1e9, 3600],
  ])('expires_in %d, buffer %d -> %d', (expiresIn, buffer, after) => {
    expect(refreshAfterSeconds(expiresIn, buffer)).toBe(after)
  })
})

describe('scrubSecrets', () => {
  it('replaces every occurrence of each non-empty secret', () => {
    expect(scrubSecrets('a tok b tok c key', ['tok', '', undefined, 'key'])).toBe('a *** b *** c ***')
  })
})

describe('describeCause', () => {
  it('adds the system code or inner message that fetch hides', () => {
    expect(
      describeCause(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
    ).toBe('fetch failed (ECONNREFUSED)')
    expect(
      describeCause(Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') })),
    ).toBe('fetch failed (bad port)')
    expect(describeCause(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }))).toBe(
      'ENOENT: no such file',
    )
    expect(describeCause('plain')).toBe('plain')
  })
})

describe('deadlineSignal', () => {
  it('aborts on time and says so', async () => {
    const deadline = deadlineSignal(10)
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve))
    expect(deadline.timedOut()).toBe(true)
    deadline.clear()
  })

  it('follows its parent, and clear() detaches it', () => {
    const parent = new AbortController()
    const deadline = deadlineSignal(10_000, parent.signal)
    parent.abort('stop')
    expect([deadline.signal.aborted, deadline.signal.reason, deadline.timedOut()]).toEqual([
      true,
      'stop',
      false,
    ])
    deadline.clear()
    const other = new AbortController()
    const cleared = deadlineSignal(10_000, other.signal)
    cleared.clear()
    other.abort()
    expect(cleared.signal.aborted).toBe(false)
  })
})
