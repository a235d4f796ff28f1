import { APIUserAbortError, OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { type BaseRunnerEvents, createEventRunner } from './event-runner'

interface Events extends BaseRunnerEvents {
  tick: (n: number) => void
}

describe('createEventRunner', () => {
  it('emits to listeners (once ones only once) and iterates one event until the end', async () => {
    const runner = createEventRunner<Events>()
    const heard: string[] = []
    runner.on('tick', (n) => heard.push(`on ${n}`))
    runner.on('tick', (n) => heard.push(`once ${n}`), true)
    const iterator = runner.iterate('tick')
    runner.start(async () => {
      runner.emit('tick', 1)
      runner.emit('tick', 2)
    })
    const values: number[] = []
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) values.push(r.value)
    expect(values).toEqual([1, 2])
    expect(heard).toEqual(['on 1', 'once 1', 'on 2'])
    await expect(runner.done()).resolves.toBe(undefined)
    expect(runner.state).toEqual({ ended: true, errored: false, aborted: false })
  })

  it('wraps a foreign error, keeps it as the cause, and rejects pending reads', async () => {
    const runner = createEventRunner<Events>()
    const iterator = runner.iterate('tick')
    const read = iterator.next()
    const cause = new TypeError('boom')
    runner.start(async () => {
      throw cause
    })
    const error = await read.catch((e) => e)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe('boom')
    expect(error.cause).toBe(cause)
    await expect(runner.done()).rejects.toBe(error)
    expect(runner.state.errored).toBe(true)
  })

  it("turns the caller's abort into APIUserAbortError and an early iterator return into an abort", async () => {
    const signal = AbortSignal.abort()
    const aborted = createEventRunner<Events>(signal)
    expect(aborted.controller.signal.aborted).toBe(true)
    aborted.start(async () => {
      throw new Error('cancelled')
    })
    await expect(aborted.done()).rejects.toBeInstanceOf(APIUserAbortError)

    const runner = createEventRunner<Events>()
    await runner.iterate('tick').return!()
    expect(runner.controller.signal.aborted).toBe(true)
  })
})
