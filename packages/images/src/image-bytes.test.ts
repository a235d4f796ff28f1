import { describe, expect, test } from 'vitest'
import { imageBlob, imageBytes } from './image-bytes'

describe('imageBytes and imageBlob', () => {
  test('decode b64_json from a string, an Image or an event, without Buffer', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i)
    const b64 = btoa(String.fromCharCode(...bytes))
    expect(imageBytes(b64)).toEqual(bytes)
    expect(imageBytes({ b64_json: b64 })).toEqual(bytes)
    const blob = imageBlob({ b64_json: b64, output_format: 'webp' })
    expect(blob.type).toBe('image/webp')
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes)
    expect(imageBlob(b64).type).toBe('image/png')
    expect(imageBlob(b64, 'image/jpeg').type).toBe('image/jpeg')
  })

  test('an image without b64_json says how to get one', () => {
    expect(() => imageBytes({ url: 'https://x' } as any)).toThrow(/response_format: 'b64_json'/)
  })
})
