/** An operation the proxy lets through: a known function name, or a method and a path pattern under the API root. */
export type AllowedOperation =
  | KnownOperation
  | {
      /** `GET`, `POST`, `DELETE`... */
      method: string
      /** A path under the API root, `:name` for one segment: `/responses/:id`. */
      path: string
      /** A name for logs and errors; default `METHOD path`. */
      name?: string
    }

/** The operation names the proxy knows by heart (the functions of the @acme/openai-* packages). */
export type KnownOperation =
  | 'createResponse'
  | 'retrieveResponse'
  | 'cancelResponse'
  | 'deleteResponse'
  | 'listInputItems'
  | 'countInputTokens'
  | 'compactResponse'
  | 'createChatCompletion'
  | 'createEmbedding'
  | 'createModeration'
  | 'listModels'
  | 'retrieveModel'
  | 'generateImage'
  | 'editImage'
  | 'createImageVariation'
  | 'createSpeech'
  | 'createTranscription'
  | 'createTranslation'
  | 'createClientSecret'
  | 'createContentProvenanceCheck'

/** One line the proxy logs per request; it never holds the key or any header. */
export interface ProxyLogEntry {
  method: string
  /** The path under the API root, without the query. */
  path: string
  /** The matched operation's name, or undefined when refused before matching. */
  operation: string | undefined
  status: number
  /** Why the proxy answered itself (`operation_not_allowed`, `body_too_large`, ...); undefined when forwarded. */
  refused?: string
}

/** Options of {@link createProxyHandler}. */
export interface ProxyOptions {
  /** The OpenAI key (or a function returning it, e.g. from a secret store). Never sent to the browser. */
  apiKey: string | (() => string | Promise<string>)
  /** The operations the browser may call; anything else gets a 403. */
  allow: readonly AllowedOperation[]
  /** Upstream API root. Default `https://api.openai.com/v1`. */
  baseURL?: string
  /** The path the proxy is mounted at; requests outside it get a 404. Default `/v1`. */
  prefix?: string
  /**
   * Origins allowed to call from another origin (CORS): a list, or `'*'`. Default none: only same-origin pages
   * (requests without an `Origin` header, or with the proxy's own) are served.
   */
  allowOrigins?: readonly string[] | '*'
  /** Largest request body accepted, in bytes; bigger gets a 413. Default 1,000,000. */
  maxBodyBytes?: number
  /** Sent as `OpenAI-Organization` / `OpenAI-Project`. */
  organization?: string
  project?: string
  /** The fetch used upstream (default the global one), e.g. with a proxy dispatcher. */
  fetch?: typeof fetch
  /** Called once per request with a secret-free summary. */
  log?: (entry: ProxyLogEntry) => void
}
