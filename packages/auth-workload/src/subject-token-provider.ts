/** The kind of token a provider returns: a JWT (`jwt`) or an OpenID Connect ID token (`id`). */
export type SubjectTokenType = 'jwt' | 'id'

/** The RFC 8693 `subject_token_type` sent for each {@link SubjectTokenType}. */
export const SUBJECT_TOKEN_TYPES: { readonly [type in SubjectTokenType]: string } = {
  jwt: 'urn:ietf:params:oauth:token-type:jwt',
  id: 'urn:ietf:params:oauth:token-type:id_token',
}

/**
 * Supplies the workload's own identity token (the subject token) that is exchanged for an OpenAI access token.
 * Use a built-in one (`gcpIdTokenProvider`, `azureManagedIdentityTokenProvider`, `k8sServiceAccountTokenProvider`)
 * or write `{ tokenType: 'jwt', getToken: () => readMyToken() }`.
 */
export interface SubjectTokenProvider {
  tokenType: SubjectTokenType
  /**
   * Called once per exchange and never cached, so rotated tokens are picked up. `signal` aborts when the exchange
   * stops waiting (its `timeout`); pass it on to your own I/O.
   */
  getToken(context?: { signal?: AbortSignal }): string | Promise<string>
  /** Names the provider in a `SubjectTokenProviderError`; the built-ins set it, a custom one defaults to `'custom'`. */
  name?: string
}
