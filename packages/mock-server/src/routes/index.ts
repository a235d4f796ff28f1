import type { Route } from '../route'
import { audioRoutes } from './audio'
import { chatCompletionsRoutes } from './chat-completions'
import { cloudMetadataRoutes } from './cloud-metadata'
import { contentProvenanceRoutes } from './content-provenance'
import { echoRoutes } from './echo'
import { everydayRoutes } from './everyday'
import { filesRoutes } from './files'
import { imagesRoutes } from './images'
import { itemsRoutes } from './items'
import { modelsRoutes } from './models'
import { realtimeRoutes } from './realtime'
import { realtimeCallsRoutes } from './realtime-calls'
import { responseContextRoutes } from './response-context'
import { responsesRoutes } from './responses'
import { sseRoutes } from './sse'
import { tokenExchangeRoutes } from './token-exchange'
import { uploadsRoutes } from './uploads'
import { videosRoutes } from './videos'
import { voicesRoutes } from './voices'

/** Every route the server answers, tried in order; add an area by appending its list here. */
export const routes: readonly Route[] = [
  ...itemsRoutes,
  ...modelsRoutes,
  ...sseRoutes,
  ...echoRoutes,
  ...responseContextRoutes,
  ...responsesRoutes,
  ...chatCompletionsRoutes,
  ...tokenExchangeRoutes,
  ...cloudMetadataRoutes,
  ...filesRoutes,
  ...uploadsRoutes,
  ...imagesRoutes,
  ...audioRoutes,
  ...voicesRoutes,
  ...videosRoutes,
  ...contentProvenanceRoutes,
  ...realtimeRoutes,
  ...realtimeCallsRoutes,
  ...everydayRoutes,
]
