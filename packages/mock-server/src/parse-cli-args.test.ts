import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './parse-cli-args'

describe('parseCliArgs', () => {
  it('defaults to port 4010 on 127.0.0.1 with auth', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'start',
      options: { port: 4010, host: '127.0.0.1', requireAuth: true },
    })
  })

  it('reads --port, --host (spaced or with =) and --no-auth', () => {
    expect(parseCliArgs(['--port', '0', '--host=localhost', '--no-auth'])).toEqual({
      kind: 'start',
      options: { port: 0, host: 'localhost', requireAuth: false },
    })
    expect(parseCliArgs(['--port=8080']).kind).toBe('start')
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' })
  })

  it('refuses bad input with a message naming it', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(
      '--port must be a number from 0 to 65535, got "abc".',
    )
    expect(() => parseCliArgs(['--port', '70000'])).toThrow('--port must be a number')
    expect(() => parseCliArgs(['--port'])).toThrow('--port needs a value.')
    expect(() => parseCliArgs(['--verbose'])).toThrow('Unknown argument "--verbose".')
  })
})
