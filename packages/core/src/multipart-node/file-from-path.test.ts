import { createReadStream, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { InvalidUploadError } from '../multipart/errors'
import { isStreamingFile } from '../multipart/uploadable'
import { fileFromPath, readStreamSize } from './file-from-path'
import { toFile } from './to-file'

const dir = mkdtempSync(join(tmpdir(), 'files-node-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const path = join(dir, 'input.jsonl')
writeFileSync(path, '{"a":1}\n{"b":2}\n')
utimesSync(path, 1_700_000_000, 1_700_000_000)

describe('fileFromPath', () => {
  test('a File with the name, size and date of the file on disk, read lazily', async () => {
    const file = await fileFromPath(path)
    expect(file).toBeInstanceOf(File)
    expect([file.name, file.size, file.type, file.lastModified]).toEqual([
      'input.jsonl',
      16,
      '',
      1_700_000_000_000,
    ])
    expect(await file.slice(8).text()).toBe('{"b":2}\n')
    expect(await file.text()).toBe('{"a":1}\n{"b":2}\n')
    const renamed = await fileFromPath(pathToFileURL(path), {
      name: 'train.jsonl',
      type: 'application/jsonl',
    })
    expect([renamed.name, renamed.type]).toEqual(['train.jsonl', 'application/jsonl'])
  })

  test('a missing path or a directory gives InvalidUploadError with the path', async () => {
    const missing = await fileFromPath(join(dir, 'nope.jsonl')).catch((e) => e)
    expect(missing).toBeInstanceOf(InvalidUploadError)
    expect(missing.message).toContain(`Cannot read the file '${join(dir, 'nope.jsonl')}' (ENOENT)`)
    await expect(fileFromPath(dir)).rejects.toThrow('(EISDIR)')
  })
})

describe('node toFile', () => {
  test('a path string or URL becomes a lazily read File', async () => {
    const file = await toFile(path)
    expect(file).toBeInstanceOf(File)
    expect(file.name).toBe('input.jsonl')
    expect((await toFile(pathToFileURL(path), 'x.jsonl')).name).toBe('x.jsonl')
  })

  test('an fs.ReadStream streams, named after its path and sized from the file and its range', async () => {
    const file = await toFile(createReadStream(path))
    expect(isStreamingFile(file)).toBe(true)
    expect([file.name, file.size]).toEqual(['input.jsonl', 16])
    expect(await new Response(file.stream()).text()).toBe('{"a":1}\n{"b":2}\n')
    const ranged = await toFile(createReadStream(path, { start: 8, end: 11 }))
    expect(ranged.size).toBe(4)
    expect(await new Response(ranged.stream()).text()).toBe('{"b"')
    expect(readStreamSize({ path: join(dir, 'missing') })).toBeUndefined()
  })

  test('anything else as the main entry', async () => {
    expect((await toFile(new Uint8Array([1]), 'b.bin')).name).toBe('b.bin')
  })
})
