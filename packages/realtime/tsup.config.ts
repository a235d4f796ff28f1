import { packageConfig } from '../../tsup.base'

// One entry per runtime; package.json "exports" picks one by condition. Only `index` (Node) imports isomorphic-ws.
export default packageConfig({
  index: 'src/index.ts',
  browser: 'src/browser.ts',
  native: 'src/native.ts',
  workerd: 'src/workerd.ts',
})
