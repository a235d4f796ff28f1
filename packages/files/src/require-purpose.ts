import { InvalidUploadError } from './errors'

/** Refuses a missing or empty `purpose` before anything is sent (the API would answer 400 after the upload). */
export function requirePurpose(purpose: unknown): void {
  if (typeof purpose !== 'string' || !purpose)
    throw new InvalidUploadError(
      "Missing `purpose`: pass one such as 'fine-tune', 'batch', 'assistants' or 'user_data'.",
      'purpose',
    )
}
