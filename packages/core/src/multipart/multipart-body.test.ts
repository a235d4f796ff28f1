import { describe, expect, test } from 'vitest'
import { InvalidUploadError } from './errors'
import { formData } from './form-data-body'
import { encodeMultipartStream as encodeMultipart, escapeHeaderValue } from './multipart-body'
import { toFile } from './to-file'

const read = (body: BodyInit) => new Response(body).text()

describe('multipart bodies', () => {
  test('formData: Blobs and text in a FormData; a bare Blob is named blob, paths reduced to their last segment', () => {
    const form = formData([
      ['purpose', 'batch'],
      ['file', new File(['abc'], 'dir/sub\\a.jsonl', { type: 'text/jsonl' })],
      ['raw', new Blob(['x'])],
    ])
    expect(form.get('purpose')).toBe('batch')
    expect([(form.get('file') as File).name, (form.get('file') as File).type]).toEqual([
      'a.jsonl',
      'text/jsonl',
    ])
    expect((form.get('raw') as File).name).toBe('blob')
  })

  test("a stream part makes the whole body a lazy stream in openai-node's exact layout", async () => {
    let pulls = 0
    const source = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          pulls++
          c.enqueue(new TextEncoder().encode('{"a":1}\n'))
          c.close()
        },
      },
      { highWaterMark: 0 },
    )
    const file = await toFile(source, 'in"put\r\n.jsonl', { type: 'application/jsonl' })
    const { body, contentType } = encodeMultipart([
      ['file', file],
      ['purpose', 'fine-tune'],
      ['blob', new File(['B'], 'b.txt')],
    ])
    const boundary = contentType!.replace('multipart/form-data; boundary=', '')
    expect(boundary).toMatch(/^openai-[0-9a-z]+$/)
    expect(body).toBeInstanceOf(ReadableStream)
    expect(pulls).toBe(0)
    expect(await read(body)).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="in%22put%0D%0A.jsonl"\r\n` +
        'Content-Type: application/jsonl\r\n\r\n{"a":1}\n\r\n' +
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="blob"; filename="b.txt"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\nB\r\n' +
        `--${boundary}--\r\n`,
    )
    expect(pulls).toBe(1)
  })

  test('cancelling the body cancels the file being read', async () => {
    let cancelled: unknown
    const source = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(10))
      },
      cancel(reason) {
        cancelled = reason
      },
    })
    const { body } = encodeMultipart([['file', await toFile(source, 'f.bin')]])
    const reader = (body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    await reader.read()
    await reader.cancel('stop')
    expect(cancelled).toBe('stop')
  })

  test('a MIME type with control characters is refused before anything is read', async () => {
    const file = await toFile(new Blob(['x']).stream(), 'x', { type: 'text/plain\r\nX-Injected: 1' })
    expect(() => encodeMultipart([['file', file]])).toThrow(InvalidUploadError)
  })

  test('escapeHeaderValue percent-encodes C0 controls, DEL, quote and backslash only', () => {
    expect(escapeHeaderValue('a"b\\c\u0000\u001f\u007fé 😀')).toBe('a%22b%5Cc%00%1F%7Fé 😀')
  })
})
