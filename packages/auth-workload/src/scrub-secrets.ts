/** `text` with every occurrence of each non-empty secret replaced by `***` (for server-supplied error text). */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  for (const secret of secrets) if (secret) text = text.split(secret).join('***')
  return text
}
