// @acme/openai-moderations: one call, one result per input.
import { createModeration } from '@acme/openai-moderations'

export default async function moderationsTour({ client, log }) {
  const { results } = await createModeration(client, {
    model: 'omni-moderation-latest',
    input: ['I love sunny days.', 'I will attack you.'],
  })
  log(
    'createModeration(client, { input: [...] })',
    results.map((r) => ({ flagged: r.flagged, violence: r.categories.violence })),
  )
}
