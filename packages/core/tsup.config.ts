import { packageConfig } from '../../tsup.base'

export default packageConfig({
  index: 'src/index.ts',
  stream: 'src/stream-entry.ts',
  multipart: 'src/multipart/index.ts',
  'multipart-node': 'src/multipart-node/index.ts',
  internal: 'src/internal-entry.ts',
  redact: 'src/redact-entry.ts',
})
