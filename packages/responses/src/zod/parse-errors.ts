import { OpenAIError } from '@acme/openai-core'
import type { ResponseWithOutputText } from '../types'

/** The model refused to answer, so there is no structured output to parse. `refusal` says why. */
export class ResponseRefusalError extends OpenAIError {
  static override readonly brand: string = 'ResponseRefusalError'
  readonly refusal: string
  readonly response: ResponseWithOutputText

  constructor(refusal: string, response: ResponseWithOutputText) {
    super(`The model refused to answer, so there is no structured output to parse: ${refusal}`)
    this.refusal = refusal
    this.response = response
  }
}

/**
 * The response stopped early (`status: 'incomplete'`), so its structured output is cut off. For
 * `max_output_tokens`, raise the limit; for `content_filter`, change the input.
 */
export class ResponseIncompleteError extends OpenAIError {
  static override readonly brand: string = 'ResponseIncompleteError'
  /** `incomplete_details.reason`, e.g. `max_output_tokens` or `content_filter`. */
  readonly reason: string | undefined
  readonly response: ResponseWithOutputText

  constructor(response: ResponseWithOutputText) {
    const reason = response.incomplete_details?.reason
    super(
      `The response is incomplete (${reason ?? 'no reason given'}), so its structured output cannot be parsed.` +
        (reason === 'max_output_tokens' ? ' Raise max_output_tokens.' : ''),
    )
    this.reason = reason
    this.response = response
  }
}

/** The structured output was not valid JSON, or did not match the schema; `cause` holds the details. */
export class ResponseParseError extends OpenAIError {
  static override readonly brand: string = 'ResponseParseError'
}
