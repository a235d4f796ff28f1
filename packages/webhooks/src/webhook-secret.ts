/**
 * The secret to use: the one given, else `OPENAI_WEBHOOK_SECRET` where the runtime has an environment (Node, Bun,
 * Deno). Refuses a missing or empty secret with a message that says how to set it.
 */
export function resolveWebhookSecret(secret: string | undefined): string {
  secret ??= envWebhookSecret()
  if (typeof secret !== 'string' || !secret) {
    throw new TypeError(
      'The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, or passed to this function as `{ secret }`',
    )
  }
  return secret
}

function envWebhookSecret(): string | undefined {
  const g = globalThis as any
  try {
    // Trimmed because a secret pasted into a .env file often carries a newline, which would change the key.
    return (g.process?.env?.OPENAI_WEBHOOK_SECRET ?? g.Deno?.env?.get?.('OPENAI_WEBHOOK_SECRET'))?.trim()
  } catch {
    // Deno without --allow-env throws: behave as if the variable were unset.
    return undefined
  }
}
