import { OpenAIError } from '@acme/openai-core'
import type { Batch } from './types'

/** A batch that ended `failed` (its input was refused), thrown by `runBatch`; `batch.errors` says why. */
export class BatchFailedError extends OpenAIError {
  static override readonly brand: string = 'BatchFailedError'
  readonly batch: Batch
  constructor(batch: Batch) {
    const first = batch.errors?.data?.[0]
    super(
      `Batch ${batch.id} failed${first?.message ? `: ${first.message}` : ''}. Fix the input and run it again.`,
    )
    this.batch = batch
  }
}

/** A batch without the file asked for (not finished, or no request landed there), from `readBatchResults`. */
export class BatchResultsUnavailableError extends OpenAIError {
  static override readonly brand: string = 'BatchResultsUnavailableError'
  readonly batch: Batch
  constructor(batch: Batch, which: 'output' | 'error') {
    super(
      `Batch ${batch.id} has no ${which} file (status '${batch.status}'). ` +
        (batch.status === 'completed' || batch.status === 'cancelled' || batch.status === 'expired'
          ? `No request ${which === 'output' ? 'succeeded' : 'failed'}.`
          : 'Wait for it with waitForBatch first.'),
    )
    this.batch = batch
  }
}
