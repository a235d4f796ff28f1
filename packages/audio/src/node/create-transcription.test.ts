import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'
import { createTranscription, createTranslation } from './index'

useMockClient()
const dir = mkdtempSync(join(tmpdir(), 'audio-node-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const path = join(dir, 'memo.mp3')
writeFileSync(path, new Uint8Array(1234))

describe('audio from Node paths and streams', () => {
  test('a path and an fs.ReadStream are uploaded with their file name', async () => {
    expect((await createTranscription(client, { model: 'whisper-1', file: path })).text).toContain(
      'memo.mp3 (1234 bytes)',
    )
    expect(mock.requests.at(-1)!.text).toContain('filename="memo.mp3"')
    const streamed = await createTranslation(client, { model: 'whisper-1', file: createReadStream(path) })
    expect(streamed.text).toContain('memo.mp3 (1234 bytes)')
  })
})
