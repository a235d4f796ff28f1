import { describe, expect, it } from 'vitest'
import { _listen } from './listeners'

describe('_listen', () => {
  it('calls listeners in order, once ones once; a listener added twice runs twice and off() removes one', () => {
    const target = {} as { on: Function; once: Function; off: Function }
    const emit = _listen(target)
    const heard: string[] = []
    const twice = (n: number) => heard.push(`twice ${n}`)
    expect(target.on('tick', twice)).toBe(target)
    target.on('tick', twice).once('tick', (n: number) => heard.push(`once ${n}`))
    expect(emit('tick', 1)).toBe(true)
    target.off('tick', twice)
    emit('tick', 2)
    expect(heard).toEqual(['twice 1', 'twice 1', 'once 1', 'twice 2'])
    expect(emit('other')).toBe(false)
  })

  it('skips a listener removed during the same event and does not call one added during it', () => {
    const target = {} as { on: Function; off: Function }
    const emit = _listen(target)
    const heard: string[] = []
    const late = () => heard.push('late')
    const second = () => heard.push('second')
    target.on('e', () => {
      heard.push('first')
      target.off('e', second)
      target.on('e', late)
    })
    target.on('e', second)
    emit('e')
    expect(heard).toEqual(['first'])
    emit('e')
    expect(heard).toEqual(['first', 'first', 'late'])
  })

  it('treats names such as __proto__ and constructor as plain event names', () => {
    const target = {} as { on: Function }
    const emit = _listen(target)
    const heard: string[] = []
    expect(emit('constructor')).toBe(false)
    expect(emit('__proto__')).toBe(false)
    target.on('__proto__', () => heard.push('proto'))
    emit('__proto__')
    expect(heard).toEqual(['proto'])
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it('lets a throwing listener throw out of emit', () => {
    const target = {} as { on: Function }
    const emit = _listen(target)
    target.on('e', () => {
      throw new Error('boom')
    })
    expect(() => emit('e')).toThrow('boom')
  })
})
