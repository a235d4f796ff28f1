// @acme/openai-content-provenance: check an image for OpenAI provenance signals (C2PA, SynthID).
import { createContentProvenanceCheck } from '@acme/openai-content-provenance'

export default async function contentProvenanceTour({ client, live, log }) {
  if (live)
    return log('content-provenance', 'skipped against the real API (it needs a real image to say much)')
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]) // a PNG's first bytes stand in for an image
  const check = await createContentProvenanceCheck(client, {
    file: new File([png], 'photo.png', { type: 'image/png' }),
  })
  log(
    'createContentProvenanceCheck(client, { file })',
    check.results.map((r) => ({ type: r.type, outcome: r.outcome })),
  )
}
