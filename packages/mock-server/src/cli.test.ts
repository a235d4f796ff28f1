import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

describe('openai-mock CLI', () => {
  it('starts, prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--no-auth'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        const timer = setTimeout(() => reject(new Error(`no listening line; got: ${out}`)), 15_000)
        child.stdout.setEncoding('utf8')
        child.stdout.on('data', (chunk: string) => {
          out += chunk
          const match = /openai-mock listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out)
          if (match) {
            clearTimeout(timer)
            resolve(match[1])
          }
        })
        child.once('exit', () => reject(new Error(`exited early; got: ${out}`)))
      })
      const res = await fetch(`${url}/v1/models/gpt-5.4`)
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ id: 'gpt-5.4' })
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  it('prints the exact lines to paste, and its 404 for a path without /v1 says so', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = ''
        const timer = setTimeout(() => reject(new Error(`no paste lines; got: ${text}`)), 15_000)
        child.stdout.setEncoding('utf8')
        child.stdout.on('data', (chunk: string) => {
          text += chunk
          if (/\nOPENAI_API_KEY=anything\n/.test(text)) {
            clearTimeout(timer)
            resolve(text)
          }
        })
        child.once('exit', () => reject(new Error(`exited early; got: ${text}`)))
      })
      const base = /^OPENAI_BASE_URL=(http:\/\/127\.0\.0\.1:\d+\/v1)$/m.exec(out)?.[1]
      expect(base).toBeDefined()
      // The pasted base URL works as is, with the pasted key.
      const ok = await fetch(`${base}/models/gpt-5.4`, { headers: { authorization: 'Bearer anything' } })
      expect(ok.status).toBe(200)
      // The address without /v1, used as a base URL, gets a 404 that names the fix.
      const origin = (base as string).slice(0, -'/v1'.length)
      const missing = await fetch(`${origin}/responses`, { method: 'POST', body: '{}' })
      expect(missing.status).toBe(404)
      const { error } = (await missing.json()) as { error: { message: string; code: string } }
      expect(error.code).toBe('unknown_url')
      expect(error.message).toContain(`OPENAI_BASE_URL=${base}`)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  it('exits 2 with a message for a bad argument', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--bogus'], { cwd: repoRoot })
    let err = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      err += chunk
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(err).toContain('Unknown argument "--bogus".')
  })
})
