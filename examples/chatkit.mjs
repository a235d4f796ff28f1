// @acme/openai-chatkit: a ChatKit session for a workflow (its client secret goes to the browser), and threads.
import { cancelChatKitSession, createChatKitSession, listChatKitThreads } from '@acme/openai-chatkit'

export default async function chatkitTour({ client, live, log }) {
  if (live) return log('chatkit', 'skipped against the real API (it needs a published workflow id)')
  const session = await createChatKitSession(client, { user: 'user-123', workflow: { id: 'wf_demo' } })
  log('createChatKitSession(client, { user, workflow: { id } })', { id: session.id, status: session.status })
  log('cancelChatKitSession(client, sessionId)', (await cancelChatKitSession(client, session.id)).status)
  const threads = await listChatKitThreads(client, { limit: 5 })
  log('listChatKitThreads(client, { limit: 5 })', threads.data.length)
}
