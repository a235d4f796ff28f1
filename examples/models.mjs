// @acme/openai-models: list the models, look one up.
import { listModels, retrieveModel } from '@acme/openai-models'

export default async function modelsTour({ client, log }) {
  const ids = []
  for await (const model of listModels(client)) ids.push(model.id)
  log('for await (const model of listModels(client))', ids.slice(0, 5))
  log("retrieveModel(client, 'gpt-4o-mini')", await retrieveModel(client, 'gpt-4o-mini'))
}
