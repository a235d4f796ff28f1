import { decodeBase64 } from './base64'

/**
 * The HMAC key for a secret, as the official SDKs derive it: a `whsec_` secret is base64 after the prefix; any
 * other secret is used as its UTF-8 text (unlike the standardwebhooks package, which base64-decodes it too).
 */
export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const key = secret.startsWith('whsec_') ? decodeBase64(secret.slice(6)) : new TextEncoder().encode(secret)
  if (!key?.length) {
    throw new TypeError(
      'The webhook secret starts with `whsec_` but the rest is empty or not base64: copy the whole secret from the OpenAI dashboard',
    )
  }
  return key
}
