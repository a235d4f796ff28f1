// @acme/openai-images: a generated image (plain, then streamed with partial images), an edit of two images with a
// mask, a variation, and the b64_json helpers that turn an answer into bytes or a Blob.
import { createImageVariation, editImage, generateImage, imageBlob, imageBytes } from '@acme/openai-images'

export default async function imagesTour({ client, log }) {
  const generated = await generateImage(client, {
    model: 'gpt-image-1',
    prompt: 'A red fox in snow',
    quality: 'low',
  })
  const png = imageBytes(generated.data[0])
  log('generateImage: b64_json decoded with imageBytes', { bytes: png.byteLength, size: generated.size })

  const stream = await generateImage(client, {
    model: 'gpt-image-1',
    prompt: 'A red fox in snow',
    stream: true,
    partial_images: 2,
  })
  const seen = []
  for await (const event of stream) seen.push(`${event.type} (${imageBytes(event).byteLength} bytes)`)
  log('generateImage with stream: true: partial images, then the final one', seen)

  const edited = await editImage(client, {
    model: 'gpt-image-1',
    image: [imageBlob(generated.data[0]), ['second.png', png, 'image/png']],
    mask: new File([png], 'mask.png', { type: 'image/png' }),
    prompt: 'Put both foxes in one picture',
  })
  log('editImage: two images (sent as image[]) and a mask', { images: edited.data.length })

  const blob = imageBlob(edited.data[0])
  log('imageBlob: ready for URL.createObjectURL or another upload', { type: blob.type, size: blob.size })

  const variation = await createImageVariation(client, { image: blob, n: 2, size: '256x256' })
  log(
    'createImageVariation (dall-e-2): URLs by default',
    variation.data.map((d) => d.url),
  )
}
