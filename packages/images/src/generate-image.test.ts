import { BadRequestError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { generateImage } from './generate-image'
import { imageBytes } from './image-bytes'
import type { ImageGenStreamEvent, ImagesResponse } from './types'

useMockClient()

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

describe('generateImage', () => {
  test('sends the params as JSON and resolves to the ImagesResponse with a request id', async () => {
    const result = await generateImage(client, {
      model: 'gpt-image-1',
      prompt: 'a red fox',
      n: 2,
      size: '1024x1024',
    })
    expectTypeOf(result).toEqualTypeOf<ImagesResponse>()
    const request = mock.requests.at(-1)!
    expect([request.method, request.path]).toEqual(['POST', '/v1/images/generations'])
    expect(request.json).toEqual({ model: 'gpt-image-1', prompt: 'a red fox', n: 2, size: '1024x1024' })
    expect(result.data).toHaveLength(2)
    expect([...imageBytes(result.data![0]).subarray(0, 8)]).toEqual(PNG_SIGNATURE)
    expect((result as any)._request_id).toMatch(/^req_/)
  })

  test('stream: true gives typed partial-image events, then the completed image', async () => {
    const stream = await generateImage(client, {
      model: 'gpt-image-1',
      prompt: 'a red fox',
      stream: true,
      partial_images: 2,
    })
    const events: ImageGenStreamEvent[] = []
    for await (const event of stream) events.push(event)
    expect(events.map((e) => e.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.partial_image',
      'image_generation.completed',
    ])
    const first = events[0]
    if (first.type === 'image_generation.partial_image') expect(first.partial_image_index).toBe(0)
    expect([...imageBytes(events[2]).subarray(0, 8)]).toEqual(PNG_SIGNATURE)
    expect(mock.requests.at(-1)!.json).toMatchObject({ stream: true, partial_images: 2 })
  })

  test('a refused request is a typed APIError naming the parameter', async () => {
    const error = await generateImage(client, { prompt: '' }).catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.param).toBe('prompt')
  })
})
