// Conformance: the official `openai` client and @acme/openai-images make the same Images calls against one recording
// mock server; requests must agree on method, path, JSON body, auth and content type, and multipart bodies field by
// field (names, order, filenames, part types and bytes). The bytes a caller decodes are the bytes the server sent.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@acme/openai-core'
import { createImageVariation, editImage, generateImage, imageBytes } from '@acme/openai-images'
import { editImage as editImageFromNode } from '@acme/openai-images/node'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { multipartEssentials } from './multipart'
import { recordOne } from './recorded'

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>

beforeAll(async () => {
  mock = await startMockServer()
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
const dir = mkdtempSync(join(tmpdir(), 'images-conformance-'))
const path = join(dir, 'photo.png')
writeFileSync(path, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 7, 7]))
afterAll(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})

const png = (name: string, seed = 1) =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, seed, 0, 255])], name, { type: 'image/png' })

/** Reads a stream to the end, keeping the events. */
async function drain(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const events: unknown[] = []
  for await (const event of stream) events.push(event)
  return events
}

interface Case {
  name: string
  official: () => Promise<unknown>
  ours: () => Promise<unknown>
}

const cases: Case[] = [
  {
    name: 'generate',
    official: () => official.images.generate({ model: 'gpt-image-1', prompt: 'a fox', n: 2, quality: 'low' }),
    ours: () => generateImage(ours, { model: 'gpt-image-1', prompt: 'a fox', n: 2, quality: 'low' }),
  },
  {
    name: 'generate, streamed',
    official: async () =>
      drain(
        await official.images.generate({
          model: 'gpt-image-1',
          prompt: 'a fox',
          stream: true,
          partial_images: 2,
        }),
      ),
    ours: async () =>
      drain(
        await generateImage(ours, { model: 'gpt-image-1', prompt: 'a fox', stream: true, partial_images: 2 }),
      ),
  },
  {
    name: 'edit one image with a mask',
    official: () =>
      official.images.edit({
        model: 'gpt-image-1',
        image: png('in.png'),
        mask: png('mask.png', 2),
        prompt: 'add a hat',
        input_fidelity: 'high',
      }),
    ours: () =>
      editImage(ours, {
        model: 'gpt-image-1',
        image: png('in.png'),
        mask: png('mask.png', 2),
        prompt: 'add a hat',
        input_fidelity: 'high',
      }),
  },
  {
    name: 'edit several images (image[])',
    official: () =>
      official.images.edit({ model: 'gpt-image-1', image: [png('a.png'), png('b.png', 3)], prompt: 'merge' }),
    ours: () =>
      editImage(ours, { model: 'gpt-image-1', image: [png('a.png'), png('b.png', 3)], prompt: 'merge' }),
  },
  {
    name: 'edit a bare Blob',
    official: () =>
      official.images.edit({ image: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }), prompt: 'x' }),
    ours: () =>
      editImage(ours, { image: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }), prompt: 'x' }),
  },
  {
    name: 'edit, streamed',
    official: async () =>
      drain(
        await official.images.edit({
          model: 'gpt-image-1',
          image: png('s.png'),
          prompt: 'p',
          stream: true,
          partial_images: 1,
        }),
      ),
    ours: async () =>
      drain(
        await editImage(ours, {
          model: 'gpt-image-1',
          image: png('s.png'),
          prompt: 'p',
          stream: true,
          partial_images: 1,
        }),
      ),
  },
  {
    name: 'edit an fs.ReadStream (streamed multipart)',
    official: () =>
      official.images.edit({ model: 'gpt-image-1', image: createReadStream(path), prompt: 'hat' }),
    ours: () =>
      editImageFromNode(ours, { model: 'gpt-image-1', image: createReadStream(path), prompt: 'hat' }),
  },
  {
    name: 'variation',
    official: () =>
      official.images.createVariation({ image: png('v.png'), n: 2, response_format: 'b64_json' }),
    ours: () => createImageVariation(ours, { image: png('v.png'), n: 2, response_format: 'b64_json' }),
  },
]

describe('images conformance with the official openai client', () => {
  for (const c of cases)
    it(c.name, async () => {
      const theirs = await recordOne(mock, c.official)
      const mine = await recordOne(mock, c.ours)
      const expected = await multipartEssentials(theirs)
      expect(await multipartEssentials(mine)).toEqual(expected)
      expect(expected.authorization).toBe('Bearer sk-test')
    })

  it('results agree, and the decoded bytes are the bytes the server sent', async () => {
    const theirs = await official.images.generate({ model: 'gpt-image-1', prompt: 'same' })
    const mine = await generateImage(ours, { model: 'gpt-image-1', prompt: 'same' })
    expect({ ...mine, created: 0 }).toEqual({ ...theirs, created: 0 })
    const sent = Buffer.from(theirs.data![0].b64_json!, 'base64')
    expect(Buffer.from(imageBytes(mine.data![0]))).toEqual(sent)
    const theirEvents = await drain(
      await official.images.edit({
        model: 'gpt-image-1',
        image: png('e.png'),
        prompt: 'e',
        stream: true,
        partial_images: 2,
      }),
    )
    const myEvents = await drain(
      await editImage(ours, {
        model: 'gpt-image-1',
        image: png('e.png'),
        prompt: 'e',
        stream: true,
        partial_images: 2,
      }),
    )
    const strip = (events: unknown[]) => events.map((e: any) => ({ ...e, created_at: 0 }))
    expect(strip(myEvents)).toEqual(strip(theirEvents))
    expect(myEvents).toHaveLength(3)
  })
})
