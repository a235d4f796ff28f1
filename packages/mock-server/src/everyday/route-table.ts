import table from './route-table.json'

/** A structure-only JSON Schema as the route table keeps it (no prose). */
export interface TableSchema {
  type?: string | string[]
  $ref?: string
  const?: unknown
  enum?: unknown[]
  nullable?: boolean
  required?: string[]
  properties?: Record<string, TableSchema>
  items?: TableSchema
  anyOf?: TableSchema[]
  oneOf?: TableSchema[]
  allOf?: TableSchema[]
  additionalProperties?: false | TableSchema
  /** A recursive reference the table does not follow: any value is accepted. */
  any?: true
}

/** One operation of the spec the everyday routes answer. */
export interface TableOperation {
  operationId: string
  method: 'GET' | 'POST' | 'DELETE'
  /** `/v1/...` with `:name` parameters. */
  path: string
  status: number
  /** The success content type, or `null` when the spec gives none. */
  contentType: string | null
  /** The success body's schema name in {@link SCHEMAS}, or `null`. */
  response: string | null
  /** List defaults from the spec's query parameters (`order` may read `'descending'`). */
  query?: { limit?: number | null; order?: string | null }
}

/** Every everyday operation, generated from the OpenAPI spec by `scripts/generate-mock-routes.mjs`. */
export const OPERATIONS = table.operations as TableOperation[]

/** The response schemas those operations reach, by name (`$ref`s read `#/schemas/<name>`). */
export const SCHEMAS = table.schemas as unknown as Record<string, TableSchema>
