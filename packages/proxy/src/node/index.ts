export { toNodeListener } from './to-node-listener'
