import { InvalidUploadError } from '@acme/openai-core/multipart'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createImageVariation } from './create-image-variation'
import { editImage } from './edit-image'
import { imageBytes } from './image-bytes'
import type { ImageEditStreamEvent, ImagesResponse } from './types'

useMockClient()

const png = (name: string) =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], name, { type: 'image/png' })

/** The multipart parts of the last request: name, filename and content type of each, in order. */
function lastParts() {
  const text = mock.requests.at(-1)!.text
  return [
    ...text.matchAll(
      /Content-Disposition: form-data; name="([^"]+)"(?:; filename="([^"]*)")?(?:\r\nContent-Type: ([^\r]+))?/gi,
    ),
  ].map((m) => [m[1], m[2] ?? null, m[3] ?? null])
}

describe('editImage', () => {
  test('one image and a mask go as multipart file parts, the rest as text fields', async () => {
    const result = await editImage(client, {
      model: 'gpt-image-1',
      image: png('in.png'),
      mask: png('mask.png'),
      prompt: 'add a hat',
      size: '1024x1024',
    })
    expectTypeOf(result).toEqualTypeOf<ImagesResponse>()
    expect(mock.requests.at(-1)!.path).toBe('/v1/images/edits')
    expect(lastParts()).toEqual([
      ['model', null, null],
      ['image', 'in.png', 'image/png'],
      ['mask', 'mask.png', 'image/png'],
      ['prompt', null, null],
      ['size', null, null],
    ])
    expect(imageBytes(result.data![0]).byteLength).toBeGreaterThan(50)
  })

  test('several images are sent as image[] in order, from any input kind', async () => {
    async function* chunks() {
      yield new Uint8Array([1, 2, 3])
    }
    await editImage(client, {
      model: 'gpt-image-1',
      image: [png('a.png'), ['b.png', new Uint8Array([4, 5]), 'image/png'], ['c.png', chunks()]],
      prompt: 'merge them',
    })
    expect(lastParts().filter(([name]) => name === 'image[]')).toEqual([
      ['image[]', 'a.png', 'image/png'],
      ['image[]', 'b.png', 'image/png'],
      ['image[]', 'c.png', 'application/octet-stream'],
    ])
  })

  test('stream: true gives typed image_edit events', async () => {
    const stream = await editImage(client, {
      model: 'gpt-image-1',
      image: new Blob([new Uint8Array([1])], { type: 'image/png' }),
      prompt: 'p',
      stream: true,
      partial_images: 1,
    })
    const types: ImageEditStreamEvent['type'][] = []
    for await (const event of stream) types.push(event.type)
    expect(types).toEqual(['image_edit.partial_image', 'image_edit.completed'])
    expect(lastParts()).toContainEqual(['stream', null, null])
  })

  test('a missing image fails before sending; a mock refusal names the field', async () => {
    const before = mock.requests.length
    const error = await editImage(client, { prompt: 'p' } as any).catch((e) => e)
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect(error.param).toBe('image')
    expect(mock.requests.length).toBe(before)
    const refused = await editImage(client, { image: png('a.png') } as any).catch((e) => e)
    expect([refused.status, refused.param]).toEqual([400, 'prompt'])
  })
})

describe('createImageVariation', () => {
  test('sends one image file and answers with URLs by default', async () => {
    const result = await createImageVariation(client, { image: png('v.png'), n: 2, size: '256x256' })
    expect(lastParts()).toEqual([
      ['image', 'v.png', 'image/png'],
      ['n', null, null],
      ['size', null, null],
    ])
    expect(result.data?.map((d) => typeof d.url)).toEqual(['string', 'string'])
  })
})
