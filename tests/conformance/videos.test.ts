// Conformance: the official `openai` client and @acme/openai-videos make the same Videos calls against one recording
// mock server; requests must agree (method, path, query, JSON body, auth, accept, content type; multipart field by
// field, boundaries ignored), and downloaded content is byte for byte what the server sent.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import {
  createVideo,
  createVideoCharacter,
  deleteVideo,
  downloadVideoContent,
  editVideo,
  extendVideo,
  listVideos,
  remixVideo,
  retrieveVideo,
  retrieveVideoCharacter,
  waitForVideo,
} from '@acme/openai-videos'
import { editVideo as editVideoFromNode } from '@acme/openai-videos/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { multipartEssentials } from './multipart'
import { recordOne } from './recorded'

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>
let videoId: string
let characterId: string

beforeAll(async () => {
  mock = await startMockServer()
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  videoId = (await createVideo(ours, { prompt: 'kept', seconds: '4' })).id
  await waitForVideo(ours, videoId, { pollInterval: 1 })
  characterId = (await createVideoCharacter(ours, { name: 'Rex', video: clip() })).id!
})
const dir = mkdtempSync(join(tmpdir(), 'videos-conformance-'))
const path = join(dir, 'clip.mp4')
writeFileSync(path, new Uint8Array([0, 0, 0, 8, 3, 4]))
afterAll(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})

const image = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9])], 'first.png', { type: 'image/png' })
const clip = () => new File([new Uint8Array([0, 0, 0, 8, 1, 2])], 'clip.mp4', { type: 'video/mp4' })

interface Case {
  name: string
  official: () => Promise<unknown>
  ours: () => Promise<unknown>
}

const cases: Case[] = [
  {
    name: 'create',
    official: () =>
      official.videos.create({ model: 'sora-2', prompt: 'a fox', seconds: '8', size: '1280x720' }),
    ours: () => createVideo(ours, { model: 'sora-2', prompt: 'a fox', seconds: '8', size: '1280x720' }),
  },
  {
    name: 'create with a reference image file',
    official: () => official.videos.create({ prompt: 'a fox', input_reference: image() }),
    ours: () => createVideo(ours, { prompt: 'a fox', input_reference: image() }),
  },
  {
    name: 'create with a reference by file id',
    official: () => official.videos.create({ prompt: 'a fox', input_reference: { file_id: 'file-1' } }),
    ours: () => createVideo(ours, { prompt: 'a fox', input_reference: { file_id: 'file-1' } }),
  },
  {
    name: 'retrieve',
    official: () => official.videos.retrieve(videoId),
    ours: () => retrieveVideo(ours, videoId),
  },
  {
    name: 'list',
    official: () => official.videos.list({ limit: 2, order: 'asc' }),
    ours: () => listVideos(ours, { limit: 2, order: 'asc' }),
  },
  {
    name: 'remix',
    official: () => official.videos.remix(videoId, { prompt: 'at dusk' }),
    ours: () => remixVideo(ours, videoId, { prompt: 'at dusk' }),
  },
  {
    name: 'edit by id',
    official: () => official.videos.edit({ video: { id: videoId }, prompt: 'night' }),
    ours: () => editVideo(ours, { video: { id: videoId }, prompt: 'night' }),
  },
  {
    name: 'extend a file',
    official: () => official.videos.extend({ video: clip(), prompt: 'more', seconds: '4' }),
    ours: () => extendVideo(ours, { video: clip(), prompt: 'more', seconds: '4' }),
  },
  {
    name: 'edit an fs.ReadStream (streamed multipart)',
    official: () => official.videos.edit({ video: createReadStream(path), prompt: 'night' }),
    ours: () => editVideoFromNode(ours, { video: createReadStream(path), prompt: 'night' }),
  },
  {
    name: 'create a character',
    official: () => official.videos.createCharacter({ name: 'Rex', video: clip() }),
    ours: () => createVideoCharacter(ours, { name: 'Rex', video: clip() }),
  },
  {
    name: 'get a character',
    official: () => official.videos.getCharacter(characterId),
    ours: () => retrieveVideoCharacter(ours, characterId),
  },
  {
    name: 'download content (thumbnail)',
    official: async () =>
      (await official.videos.downloadContent(videoId, { variant: 'thumbnail' })).arrayBuffer(),
    ours: async () =>
      new Response(await downloadVideoContent(ours, videoId, { variant: 'thumbnail' })).arrayBuffer(),
  },
  {
    name: 'delete (unknown id)',
    official: () => official.videos.delete('video_nope'),
    ours: () => deleteVideo(ours, 'video_nope'),
  },
]

describe('videos conformance with the official openai client', () => {
  for (const c of cases)
    it(c.name, async () => {
      const theirs = await recordOne(mock, c.official)
      const mine = await recordOne(mock, c.ours)
      const expected = await multipartEssentials(theirs)
      expect(await multipartEssentials(mine)).toEqual(expected)
      expect(expected.authorization).toBe('Bearer sk-test')
    })

  it('downloaded bytes are the bytes the server sent', async () => {
    const theirs = new Uint8Array(await (await official.videos.downloadContent(videoId)).arrayBuffer())
    const mine = new Uint8Array(await new Response(await downloadVideoContent(ours, videoId)).arrayBuffer())
    expect(mine.byteLength).toBeGreaterThan(100_000)
    expect(Buffer.from(mine).equals(Buffer.from(theirs))).toBe(true)
  })
})
