import { APIUserAbortError, OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { createEventRunner } from './event-runner'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'

const chunk = (id: string) => ({ id }) as ChatCompletionChunk

describe('createEventRunner', () => {
  it('emits to listeners (once ones only once) and iterates the chunks until the end', async () => {
    const { helper, emit, start } = createEventRunner()
    const heard: string[] = []
    const onTick = (n: number) => heard.push(`on ${n}`)
    helper.on('tick', onTick).once('tick', (n: number) => heard.push(`once ${n}`))
    const iterator = helper[Symbol.asyncIterator]()
    start(async () => {
      emit('tick', 1)
      emit('chunk', chunk('a'))
      helper.off('tick', onTick)
      emit('tick', 2)
      emit('chunk', chunk('b'))
    })
    const ids: string[] = []
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) ids.push(r.value.id)
    expect(ids).toEqual(['a', 'b'])
    expect(heard).toEqual(['on 1', 'once 1'])
    await expect(helper.done()).resolves.toBe(undefined)
    expect([helper.ended, helper.errored, helper.aborted]).toEqual([true, false, false])
  })

  it('wraps a foreign error, keeps it as the cause, and rejects pending reads', async () => {
    const { helper, start } = createEventRunner()
    const read = helper[Symbol.asyncIterator]().next()
    const cause = new TypeError('boom')
    start(async () => {
      throw cause
    })
    const error = await read.catch((e) => e)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe('boom')
    expect(error.cause).toBe(cause)
    await expect(helper.done()).rejects.toBe(error)
    expect(helper.errored).toBe(true)
  })

  it('delivers the queued chunks before the error, and ends at once when the run is over', async () => {
    const { helper, emit, start } = createEventRunner()
    const iterator = helper[Symbol.asyncIterator]()
    start(async () => {
      emit('chunk', chunk('a'))
      emit('chunk', chunk('b'))
      throw new OpenAIError('cut')
    })
    await helper.done().catch(() => {})
    expect((await iterator.next()).value.id).toBe('a')
    expect((await iterator.next()).value.id).toBe('b')
    await expect(iterator.next()).rejects.toThrow('cut')

    const late = createEventRunner()
    late.start(async () => {})
    await late.helper.done()
    await expect(late.helper[Symbol.asyncIterator]().next()).resolves.toEqual({
      done: true,
      value: undefined,
    })
  })

  it("turns the caller's abort into APIUserAbortError and an early iterator return into an abort", async () => {
    const aborted = createEventRunner(AbortSignal.abort())
    expect(aborted.helper.controller.signal.aborted).toBe(true)
    aborted.start(async () => {
      throw new Error('cancelled')
    })
    await expect(aborted.helper.done()).rejects.toBeInstanceOf(APIUserAbortError)
    expect(aborted.helper.aborted).toBe(true)

    const { helper } = createEventRunner()
    await helper[Symbol.asyncIterator]().return!()
    expect(helper.controller.signal.aborted).toBe(true)
  })
})
