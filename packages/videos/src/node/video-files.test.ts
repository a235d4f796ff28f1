import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'
import { createVideo, createVideoCharacter, editVideo, extendVideo } from './index'

useMockClient()
const dir = mkdtempSync(join(tmpdir(), 'videos-node-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const path = (name: string) => {
  const file = join(dir, name)
  writeFileSync(file, new Uint8Array([0, 0, 0, 8, 1]))
  return file
}
const parts = () =>
  [...mock.requests.at(-1)!.text.matchAll(/; name="([^"]+)"(?:; filename="([^"]*)")?/g)].map((m) =>
    m[2] === undefined ? m[1] : `${m[1]}=${m[2]}`,
  )

describe('videos from Node paths and streams', () => {
  test('paths and fs.ReadStreams are sent as file parts; references stay text fields', async () => {
    const job = await createVideo(client, { prompt: 'p', input_reference: path('cat.png') })
    expect(parts()).toEqual(['prompt', 'input_reference=cat.png'])
    await editVideo(client, { video: createReadStream(path('clip.mp4')), prompt: 'p' })
    expect(parts()).toEqual(['video=clip.mp4', 'prompt'])
    await extendVideo(client, { video: { id: job.id }, prompt: 'p', seconds: '4' })
    expect(parts()).toEqual(['video[id]', 'prompt', 'seconds'])
    await createVideo(client, { prompt: 'p', input_reference: { file_id: 'file-1' } })
    expect(parts()).toEqual(['prompt', 'input_reference[file_id]'])
    await createVideoCharacter(client, { name: 'Rex', video: path('rex.mp4') })
    expect(parts()).toEqual(['name', 'video=rex.mp4'])
  })
})
