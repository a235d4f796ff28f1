import type { Meter } from '@opentelemetry/api'
import type { GenAIInstruments } from './gen-ai-result'

/** The histograms with the names, units, descriptions and buckets of the official instrumentation. */
export function instruments(meter: Meter): GenAIInstruments {
  return {
    duration: meter.createHistogram('gen_ai.client.operation.duration', {
      description: 'GenAI operation duration',
      unit: 's',
      advice: { explicitBucketBoundaries: buckets(0.01, 2, 14) },
    }),
    tokens: meter.createHistogram('gen_ai.client.token.usage', {
      description: 'Measures number of input and output tokens used',
      unit: '{token}',
      advice: { explicitBucketBoundaries: buckets(1, 4, 14) },
    }),
  }
}

// 0.01 s doubling, and 1 token times four: the boundaries the GenAI semantic conventions advise.
function buckets(first: number, factor: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.round(first * factor ** i * 100) / 100)
}
