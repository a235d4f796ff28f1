// Names of generated operations: function names from the official SDK's resource path, file names, type names.

const SINGULAR = {
  batches: 'batch',
  fileBatches: 'fileBatch',
  outputItems: 'outputItem',
  vectorStores: 'vectorStore',
}
const KEEP = new Set(['fineTuning', 'alpha', 'content', 'chatkit'])
const CASED = { chatkit: 'ChatKit' }

const pascal = (s) => CASED[s] ?? s.charAt(0).toUpperCase() + s.slice(1)
const singular = (s) => SINGULAR[s] ?? (KEEP.has(s) ? s : s.replace(/s$/, ''))

/**
 * `fineTuning.jobs.list` -> `listFineTuningJobs`, `fineTuning.jobs.listEvents` -> `listFineTuningJobEvents`,
 * `vectorStores.files.create` -> `createVectorStoreFile`. The leading `beta.` namespace is dropped.
 */
export function functionName(sdkPath) {
  const parts = sdkPath.split('.').filter((p, i) => !(i === 0 && p === 'beta'))
  const method = parts.pop()
  const [, verb, extra] = /^([a-z]+)(.*)$/.exec(method)
  const nouns = parts.map((p, i) => {
    const last = i === parts.length - 1
    return pascal(last && verb === 'list' && !extra ? p : singular(p))
  })
  return verb + nouns.join('') + extra
}

/** `listFineTuningJobs` -> `list-fine-tuning-jobs` (file name without extension). */
export const kebab = (name) => name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())

/** `fine_tuning_job_id` -> `fineTuningJobId`. */
export const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())

export const pascalCase = (name) => name.charAt(0).toUpperCase() + name.slice(1)

const VERBS = {
  list: 'Lists',
  create: 'Creates',
  retrieve: 'Fetches',
  update: 'Updates',
  delete: 'Deletes',
  cancel: 'Cancels',
  compact: 'Compacts',
  count: 'Counts',
  pause: 'Pauses',
  resume: 'Resumes',
  search: 'Searches',
  run: 'Runs',
  validate: 'Validates',
}

/** A short sentence opening for the TSDoc: `listFineTuningJobEvents` -> `Lists fine tuning job events`. */
export function summary(name) {
  const [, verb, rest] = /^([a-z]+)(.*)$/.exec(name)
  const words = rest
    .replace(/ChatKit/g, 'Chatkit')
    .replace(/([A-Z])/g, ' $1')
    .trim()
    .toLowerCase()
    .replace('chatkit', 'ChatKit')
    .replace('fine tuning', 'fine-tuning')
  if (words.endsWith(' content')) return `Downloads the content of a ${words.slice(0, -' content'.length)}`
  const article = verb === 'list' || /s$/.test(rest) ? '' : /^[aeiou]/.test(words) ? 'an ' : 'a '
  return `${VERBS[verb] ?? pascalCase(verb)} ${article}${words}`
}
