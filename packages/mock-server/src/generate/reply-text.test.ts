import { describe, expect, it } from 'vitest'
import {
  countTokens,
  firstWords,
  isTriggerError,
  mentionsWeather,
  replyText,
  textPieces,
  wordChunks,
} from './reply-text'

describe('reply text helpers', () => {
  it('replyText echoes the source', () => {
    expect(replyText('Say hi')).toBe('Hello! You said: Say hi')
  })

  it('mentionsWeather looks for the whole word, any case', () => {
    expect(mentionsWeather('What is the Weather?')).toBe(true)
    expect(mentionsWeather('weatherproof')).toBe(false)
  })

  it('isTriggerError matches the magic text only', () => {
    expect(isTriggerError(' Trigger Error ')).toBe(true)
    expect(isTriggerError('please trigger error')).toBe(false)
  })

  it('countTokens is about four characters a token', () => {
    expect([countTokens(''), countTokens('abc'), countTokens('abcde')]).toEqual([0, 1, 2])
  })

  it('wordChunks splits by words and groups long texts into at most 32 chunks', () => {
    expect(wordChunks('Hello! You said:  hi ')).toEqual(['Hello! ', 'You ', 'said:  ', 'hi '])
    expect(wordChunks('')).toEqual([])
    const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')
    const chunks = wordChunks(long)
    expect(chunks).toHaveLength(25)
    expect(chunks.join('')).toBe(long)
  })

  it('textPieces and firstWords', () => {
    expect(textPieces('{"city":"Paris"}')).toEqual(['{"city', '":"Par', 'is"}'])
    expect(textPieces('')).toEqual([])
    expect(firstWords('one two three', 2)).toBe('one two ')
    expect(firstWords('one two', 0)).toBe('')
  })
})
