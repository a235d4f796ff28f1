// @acme/openai-containers: a container, its files, clean-up.
import { createContainer, deleteContainer, listContainers, retrieveContainer } from '@acme/openai-containers'

export default async function containersTour({ client, log }) {
  const container = await createContainer(client, { name: 'demo' })
  log("createContainer(client, { name: 'demo' })", { id: container.id, name: container.name })
  log('retrieveContainer(client, id)', (await retrieveContainer(client, container.id)).name)
  const page = await listContainers(client, { limit: 5 })
  log(
    'listContainers(client, { limit: 5 })',
    page.data.map((c) => c.id),
  )
  await deleteContainer(client, container.id)
}
