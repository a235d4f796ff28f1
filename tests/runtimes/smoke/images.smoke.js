// @acme/openai-images on every runtime: a generated image (plain and streamed), an edit from a Blob (one image with a
// mask, then two images, streamed) and a variation, decoded with imageBytes/imageBlob (no Buffer anywhere).
import { createClient } from '@acme/openai-core'
import { createImageVariation, editImage, generateImage, imageBlob, imageBytes } from '@acme/openai-images'
import { checklist, equal } from './checklist.js'

const PNG = [0x89, 0x50, 0x4e, 0x47]

/** Runs the Images checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let png

  await list.check('generateImage answers with a PNG as b64_json', async () => {
    const result = await generateImage(client, { model: 'gpt-image-1', prompt: 'a fox' })
    png = imageBytes(result.data[0])
    equal([...png.subarray(0, 4)], PNG, 'PNG signature')
  })

  await list.check('generateImage with stream: true gives partial images then the final one', async () => {
    const types = []
    for await (const event of await generateImage(client, {
      model: 'gpt-image-1',
      prompt: 'a fox',
      stream: true,
      partial_images: 1,
    }))
      types.push(event.type)
    equal(types, ['image_generation.partial_image', 'image_generation.completed'], 'events')
  })

  await list.check('editImage sends a Blob and a mask as multipart', async () => {
    const image = new Blob([png], { type: 'image/png' })
    const result = await editImage(client, { model: 'gpt-image-1', image, mask: image, prompt: 'a hat' })
    equal([...imageBytes(result.data[0]).subarray(0, 4)], PNG, 'edited PNG')
  })

  await list.check('editImage sends several images and streams the edit', async () => {
    const types = []
    for await (const event of await editImage(client, {
      model: 'gpt-image-1',
      image: [new Blob([png], { type: 'image/png' }), ['second.png', png, 'image/png']],
      prompt: 'merge',
      stream: true,
    }))
      types.push(event.type)
    equal(types, ['image_edit.completed'], 'events')
  })

  await list.check('createImageVariation and imageBlob', async () => {
    const result = await createImageVariation(client, {
      image: new Blob([png], { type: 'image/png' }),
      response_format: 'b64_json',
    })
    const blob = imageBlob(result.data[0])
    equal([blob.type, blob.size > 8], ['image/png', true], 'blob')
  })

  return list.report()
}
