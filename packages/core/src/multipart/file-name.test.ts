import { describe, expect, test } from 'vitest'
import { basename, inferFileName } from './file-name'

describe('inferFileName', () => {
  test('name, then filename, then url, then path; directories dropped', () => {
    expect(inferFileName({ name: 'a/b/c.txt', filename: 'no', url: 'https://x/no' })).toBe('c.txt')
    expect(inferFileName({ filename: 'C:\\dir\\f.pdf' })).toBe('f.pdf')
    expect(inferFileName({ url: 'https://x.test/a/b.png?size=1#frag' })).toBe('b.png')
    expect(inferFileName({ path: '/var/data/in.jsonl' })).toBe('in.jsonl')
    expect(inferFileName({ path: Buffer.from('/tmp/buf.bin') })).toBe('buf.bin')
  })

  test('URL names are percent-decoded, but never into a quote, CR or LF; controls stay encoded', () => {
    expect(inferFileName({ url: 'https://x/%E2%9C%93%20ok.txt' })).toBe('✓ ok.txt')
    expect(inferFileName({ url: 'https://x/a%2522.txt' })).toBe('a%2522.txt')
    expect(inferFileName({ url: 'https://x/a%01b' })).toBe('a%01b')
    expect(inferFileName({ url: 'https://x/bad%E0%A4%A' })).toBe('bad%E0%A4%A')
    expect(inferFileName({ url: 'https://x/' })).toBeUndefined()
    expect(inferFileName({ url: 'not a url/f.txt' })).toBe('f.txt')
  })

  test('nothing usable gives undefined', () => {
    expect(inferFileName(null)).toBeUndefined()
    expect(inferFileName('str')).toBeUndefined()
    expect(inferFileName({ name: '', path: {} })).toBeUndefined()
    expect(basename('dir/')).toBeUndefined()
  })
})
