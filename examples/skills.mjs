// @acme/openai-skills: upload a skill (its files), list it, add a version, clean up.
import { createSkill, createSkillVersion, deleteSkill, listSkills } from '@acme/openai-skills'

export default async function skillsTour({ client, live, log }) {
  if (live) return log('skills', 'skipped against the real API (it keeps uploaded skills until deleted)')
  const skill = await createSkill(client, {
    files: [['SKILL.md', '---\nname: greeter\ndescription: Says hello.\n---\nSay hello.\n', 'text/markdown']],
  })
  log('createSkill(client, { files })', { id: skill.id, object: skill.object })
  const version = await createSkillVersion(client, skill.id, {
    files: [['SKILL.md', '# v2\n', 'text/markdown']],
  })
  log('createSkillVersion(client, skillId, { files })', { object: version.object })
  const page = await listSkills(client)
  log(
    'listSkills(client)',
    page.data.map((s) => s.id),
  )
  await deleteSkill(client, skill.id)
}
