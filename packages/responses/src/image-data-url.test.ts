import { OpenAIError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { imageDataURL } from './image-data-url'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255])

describe('imageDataURL', () => {
  it('encodes bytes as base64 and tells PNG from its signature', async () => {
    expect(await imageDataURL(PNG)).toBe('data:image/png;base64,iVBORw0KGgoAAQL/')
  })

  it('recognises JPEG, GIF and WebP', async () => {
    expect(await imageDataURL(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(
      'data:image/jpeg;base64,/9j/4A==',
    )
    expect(await imageDataURL(new TextEncoder().encode('GIF89a'))).toBe('data:image/gif;base64,R0lGODlh')
    const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')
    expect(await imageDataURL(webp)).toMatch(/^data:image\/webp;base64,UklGRgAAAABXRUJQVlA4IA==$/)
  })

  it('takes a Blob, using its type, and an explicit MIME type first', async () => {
    expect(await imageDataURL(new Blob([PNG], { type: 'image/x-custom' }))).toBe(
      'data:image/x-custom;base64,iVBORw0KGgoAAQL/',
    )
    expect(await imageDataURL(new Blob([PNG]))).toBe('data:image/png;base64,iVBORw0KGgoAAQL/')
    expect(await imageDataURL(new TextEncoder().encode('%PDF-1.7'), 'application/pdf')).toBe(
      'data:application/pdf;base64,JVBERi0xLjc=',
    )
  })

  it('reads an ArrayBuffer and only the viewed bytes of a typed array', async () => {
    expect(await imageDataURL(PNG.buffer)).toBe('data:image/png;base64,iVBORw0KGgoAAQL/')
    const padded = new Uint8Array([9, 9, ...PNG, 9])
    expect(await imageDataURL(new DataView(padded.buffer, 2, PNG.length))).toBe(
      'data:image/png;base64,iVBORw0KGgoAAQL/',
    )
  })

  it('round-trips large inputs (chunked encoding)', async () => {
    // Three 32 KiB chunks and a partial one.
    const bytes = new Uint8Array(3 * 0x8000 + 5)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 255
    const url = await imageDataURL(bytes, 'image/png')
    const binary = atob(url.slice('data:image/png;base64,'.length))
    expect(binary.length).toBe(bytes.length)
    let mismatches = 0
    for (let i = 0; i < bytes.length; i++) if (binary.charCodeAt(i) !== bytes[i]) mismatches++
    expect(mismatches).toBe(0)
  })

  it('asks for the MIME type when the bytes do not say', async () => {
    const error = await imageDataURL(new Uint8Array([1, 2, 3])).catch((e) => e)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe(
      'imageDataURL could not tell the image type from its bytes; pass it, e.g. imageDataURL(bytes, "image/png").',
    )
    expectTypeOf(imageDataURL).returns.toEqualTypeOf<Promise<string>>()
  })
})
