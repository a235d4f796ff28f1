import { OpenAIError } from '@acme/openai-core'

/** Parsing was asked for, but the choice stopped at the token limit (`finish_reason: 'length'`). */
export class LengthFinishReasonError extends OpenAIError {
  static override readonly brand: string = 'LengthFinishReasonError'
  constructor() {
    super('Could not parse response content as the length limit was reached; raise `max_completion_tokens`.')
  }
}

/** Parsing was asked for, but the choice was stopped by the content filter (`finish_reason: 'content_filter'`). */
export class ContentFilterFinishReasonError extends OpenAIError {
  static override readonly brand: string = 'ContentFilterFinishReasonError'
  constructor() {
    super(
      'Could not parse response content as the request was rejected by the content filter; rephrase the request.',
    )
  }
}
