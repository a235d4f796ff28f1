import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'
import { createImageVariation, editImage } from './index'

useMockClient()
const dir = mkdtempSync(join(tmpdir(), 'images-node-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const path = (name: string) => {
  const file = join(dir, name)
  writeFileSync(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, name.length]))
  return file
}
const filenames = () =>
  [...mock.requests.at(-1)!.text.matchAll(/; name="([^"]+)"; filename="([^"]*)"/g)].map(
    (m) => `${m[1]}=${m[2]}`,
  )

describe('images from Node paths and streams', () => {
  test('a path, file: URLs and an fs.ReadStream are sent with their file names', async () => {
    await editImage(client, {
      model: 'gpt-image-1',
      image: path('photo.png'),
      mask: createReadStream(path('mask.png')),
      prompt: 'p',
    })
    expect(filenames()).toEqual(['image=photo.png', 'mask=mask.png'])
    await editImage(client, {
      model: 'gpt-image-1',
      image: [pathToFileURL(path('a.png')), pathToFileURL(path('b.png'))],
      prompt: 'p',
    })
    expect(filenames()).toEqual(['image[]=a.png', 'image[]=b.png'])
    await createImageVariation(client, { image: path('v.png') })
    expect(filenames()).toEqual(['image=v.png'])
  })
})
