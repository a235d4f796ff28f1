export {
  type CreateEmbeddingFloat32Response,
  createEmbedding,
  createEmbeddingFloat32,
  type Float32Embedding,
} from './create-embedding'
export { decodeEmbedding } from './decode-embedding'
export * from './operations'
