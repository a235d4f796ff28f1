import { packageConfig } from '../../tsup.base'

export default packageConfig({ index: 'src/index.ts', zod: 'src/zod/index.ts', beta: 'src/beta/index.ts' })
