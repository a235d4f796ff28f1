import { describe, expect, it, vi } from 'vitest'
import { APIUserAbortError, OpenAIError } from '../errors'
import { _createEventEngine } from './event-engine'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('_createEventEngine', () => {
  it('gives an iterator made before the first event every event, in order, then the error', async () => {
    const { helper, emit, start } = _createEventEngine<number>('item')
    const iterator = helper[Symbol.asyncIterator]()
    start(async () => {
      emit('item', 1)
      emit('item', 2)
      await tick()
      emit('item', 3)
      throw new OpenAIError('cut')
    })
    await helper.done().catch(() => {})
    // Nothing was read before the run ended: all three are still there, then the error.
    expect(await iterator.next()).toEqual({ value: 1, done: false })
    expect(await iterator.next()).toEqual({ value: 2, done: false })
    expect(await iterator.next()).toEqual({ value: 3, done: false })
    await expect(iterator.next()).rejects.toThrow('cut')
  })

  it('answers concurrent next() calls in order', async () => {
    const { helper, emit, start } = _createEventEngine<string>('item')
    const iterator = helper[Symbol.asyncIterator]()
    const reads = [iterator.next(), iterator.next(), iterator.next()]
    start(async () => {
      emit('item', 'a')
      emit('item', 'b')
    })
    expect(await Promise.all(reads)).toEqual([
      { value: 'a', done: false },
      { value: 'b', done: false },
      { value: undefined, done: true },
    ])
  })

  it('emits error then end, and sets the flags; abort() gives abort and APIUserAbortError, errored too', async () => {
    const failed = _createEventEngine('item')
    const order: string[] = []
    failed.helper.on('error', () => order.push('error')).on('end', () => order.push('end'))
    failed.start(async () => {
      throw new TypeError('bad')
    })
    const error = await failed.helper.done().catch((e) => e)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(order).toEqual(['error', 'end'])
    expect([failed.helper.ended, failed.helper.errored, failed.helper.aborted]).toEqual([true, true, false])

    const aborted = _createEventEngine('item')
    const onError = vi.fn()
    let abortError: unknown
    aborted.helper.on('error', onError).on('abort', (e: unknown) => (abortError = e))
    aborted.start(async () => {
      aborted.helper.abort()
    })
    // The body ended without throwing, but the run was aborted: it still ends as aborted.
    const reason = await aborted.helper.done().catch((e) => e)
    expect(reason).toBeInstanceOf(APIUserAbortError)
    expect(abortError).toBe(reason)
    expect(onError).not.toHaveBeenCalled()
    expect([aborted.helper.errored, aborted.helper.aborted]).toEqual([true, true])
  })

  it("lets go of the caller's signal when the run ends", async () => {
    const controller = new AbortController()
    const add = vi.spyOn(controller.signal, 'addEventListener')
    const remove = vi.spyOn(controller.signal, 'removeEventListener')
    const { helper, start } = _createEventEngine('item', controller.signal)
    start(async () => {})
    await helper.done()
    expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0][1])
  })

  it('rethrows a failure nobody can observe as an unhandled rejection, and only then', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const lonely = _createEventEngine('item')
      lonely.start(async () => {
        throw new OpenAIError('nobody listens')
      })
      const heard = _createEventEngine('item')
      heard.helper.on('error', () => {})
      heard.start(async () => {
        throw new OpenAIError('a listener hears it')
      })
      const aborted = _createEventEngine('item')
      aborted.start(async () => aborted.helper.abort())
      for (let i = 0; i < 5; i++) await tick()
      expect(unhandled.map((e) => (e as Error).message)).toEqual(['nobody listens'])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
