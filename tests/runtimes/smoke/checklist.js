// The tiny assertion kit every smoke file shares. It has to run unchanged in Node, Bun, Deno, workerd and a
// browser page, so it uses nothing but the language: no node:assert, no test framework.

/**
 * Runs named checks one after another and records which passed. The first failing check throws an `Error` whose
 * message starts with the check's name, so the matrix test says what broke and where.
 *
 * @example
 * const list = checklist()
 * await list.check('GET /models lists models', async () => equal((await listModels()).object, 'list'))
 * return list.report()
 */
// @__NO_SIDE_EFFECTS__
export function checklist() {
  const passed = []
  const skipped = []
  return {
    async check(name, run) {
      try {
        await run()
      } catch (error) {
        throw new Error(`${name}: ${describe(error)}`, { cause: error })
      }
      passed.push(name)
    },
    /** Records a check that does not apply to this runtime, with the reason. */
    skip(name, reason) {
      skipped.push({ name, reason })
    },
    report() {
      return { passed: [...passed], skipped: [...skipped] }
    },
  }
}

/** Throws unless `actual` and `expected` serialise to the same JSON (key order included). */
export function equal(actual, expected, what = 'value') {
  const a = JSON.stringify(actual)
  const e = JSON.stringify(expected)
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`)
}

/** Throws unless `run()` rejects; returns the error so its fields can be checked exactly. */
export async function rejects(run, what = 'call') {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error(`${what}: expected it to fail, but it succeeded`)
}

/** Fetches JSON from the mock server's control routes (`/__mock/...`), which need no key. */
export async function control(mockURL, method, route, body) {
  const response = await fetch(`${mockURL}/__mock/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`control route ${method} /__mock/${route} answered ${response.status}`)
  return response.json()
}

function describe(error) {
  if (error && typeof error === 'object' && 'message' in error)
    return `${error.constructor?.name ?? 'Error'}: ${error.message}`
  return String(error)
}
