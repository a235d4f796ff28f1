import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { multipartBoundary, parseMultipart, receiveMultipartForm } from './multipart-stream'

const dir = mkdtempSync(join(tmpdir(), 'multipart-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** `bytes` cut at the given offsets, as an async iterable of chunks. */
async function* chunked(bytes: Uint8Array, cuts: number[] = []) {
  let last = 0
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    yield bytes.subarray(last, cut)
    last = cut
  }
  yield bytes.subarray(last)
}

async function encode(form: FormData): Promise<{ bytes: Uint8Array; boundary: string }> {
  const response = new Response(form)
  const boundary = multipartBoundary(response.headers.get('content-type') ?? '')!
  return { bytes: new Uint8Array(await response.arrayBuffer()), boundary }
}

async function collect(source: AsyncIterable<Uint8Array>, boundary: string) {
  const parts: { name: string; filename?: string; contentType?: string; body: string }[] = []
  for await (const event of parseMultipart(source, boundary)) {
    if (event.kind === 'part')
      parts.push({ ...event.part, filename: event.part.filename, body: '' } as (typeof parts)[number])
    else parts[parts.length - 1].body += event.bytes.toString('latin1')
  }
  return parts
}

describe('multipartBoundary', () => {
  test('reads quoted and bare boundaries of multipart/form-data only', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc')
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe('a b')
    expect(multipartBoundary('application/json')).toBeNull()
    expect(multipartBoundary('multipart/form-data')).toBeNull()
    expect(multipartBoundary(undefined)).toBeNull()
  })
})

describe('parseMultipart', () => {
  test('reads the fields and files fetch encodes, whatever the chunking', async () => {
    const form = new FormData()
    form.append('purpose', 'fine-tune')
    form.append(
      'file',
      new File(['{"a":1}\r\n--not-a-boundary\r\n'], 'we"ird\nname.jsonl', { type: 'text/jsonl' }),
    )
    form.append('empty', new Blob([]), 'empty.bin')
    const { bytes, boundary } = await encode(form)
    const expected = [
      { name: 'purpose', filename: undefined, contentType: undefined, body: 'fine-tune' },
      {
        name: 'file',
        filename: 'we"ird\nname.jsonl',
        contentType: 'text/jsonl',
        body: '{"a":1}\r\n--not-a-boundary\r\n',
      },
      { name: 'empty', filename: 'empty.bin', contentType: 'application/octet-stream', body: '' },
    ]
    expect(await collect(chunked(bytes), boundary)).toEqual(expected)
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }),
        async (cuts) => {
          expect(await collect(chunked(bytes, cuts), boundary)).toEqual(expected)
        },
      ),
      { numRuns: 60 },
    )
  })

  test('undoes the percent-escapes of openai-node streaming bodies and accepts a part without headers', async () => {
    const body =
      'preamble\r\n--B\r\nContent-Disposition: form-data; name="file"; filename="a%22b%5Cc%0D.txt"\r\n' +
      'Content-Type: text/plain\r\n\r\nxyz\r\n--B\r\n\r\nheaderless\r\n--B--\r\nepilogue'
    expect(await collect(chunked(new TextEncoder().encode(body)), 'B')).toEqual([
      { name: 'file', filename: 'a"b\\c\r.txt', contentType: 'text/plain', body: 'xyz' },
      { name: '', filename: undefined, contentType: undefined, body: 'headerless' },
    ])
  })

  test('a truncated body is an error', async () => {
    const body = new TextEncoder().encode('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf')
    await expect(collect(chunked(body), 'B')).rejects.toThrow(
      'The multipart body ended before the closing boundary.',
    )
    await expect(collect(chunked(new TextEncoder().encode('no boundary')), 'B')).rejects.toThrow(
      'The multipart body ended before its first boundary.',
    )
  })
})

describe('receiveMultipartForm', () => {
  test('writes file parts to disk, keeps text fields and a small raw body', async () => {
    const form = new FormData()
    form.append('file', new File(['x'.repeat(100_000)], 'x.txt'))
    form.append('purpose', 'assistants')
    const { bytes, boundary } = await encode(form)
    const received = await receiveMultipartForm(chunked(bytes, [10, 5000, 70_000]), boundary, {
      dir,
      maxFileBytes: 1_000_000,
      keepRawBytes: 1_000_000,
    })
    expect(received.fields).toEqual({ purpose: 'assistants' })
    expect(received.files.file).toMatchObject({ filename: 'x.txt', bytes: 100_000, tooLarge: false })
    expect(readFileSync(received.files.file.path, 'utf8')).toBe('x'.repeat(100_000))
    expect(received.raw?.equals(Buffer.from(bytes))).toBe(true)
    rmSync(received.files.file.path)
  })

  test('drops the bytes of a file over the limit and keeps no raw copy of a big body', async () => {
    const form = new FormData()
    form.append('file', new File(['y'.repeat(5000)], 'y.txt'))
    const { bytes, boundary } = await encode(form)
    const received = await receiveMultipartForm(chunked(bytes), boundary, {
      dir,
      maxFileBytes: 1000,
      keepRawBytes: 100,
    })
    expect(received.files.file).toMatchObject({ bytes: 5000, tooLarge: true })
    expect(readFileSync(received.files.file.path).length).toBe(0)
    expect(received.raw).toBeUndefined()
    rmSync(received.files.file.path)
  })

  test('removes what it wrote when the body is malformed', async () => {
    const before = readdirSync(dir).length
    const body = new TextEncoder().encode(
      '--B\r\nContent-Disposition: form-data; name="f"; filename="f"\r\n\r\ncut',
    )
    await expect(
      receiveMultipartForm(chunked(body), 'B', { dir, maxFileBytes: 100, keepRawBytes: 100 }),
    ).rejects.toThrow('ended before the closing boundary')
    expect(readdirSync(dir).length).toBe(before)
  })
})
