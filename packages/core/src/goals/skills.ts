/**
 * A catalogue of development areas a goal can serve (its `skill`). Goals accept any skill name;
 * the catalogue feeds suggestions (e.g. a `<datalist>`) and says which are soft skills.
 */
export interface SkillEntry {
  /** The name stored in `goal.skill`, lower case as people write it. */
  name: string;
  kind: 'soft' | 'technical';
  description: string;
}

export const SKILL_CATALOGUE: readonly SkillEntry[] = [
  { name: 'self-management', kind: 'soft', description: 'Planning your own work, keeping commitments, managing energy and focus.' },
  { name: 'agility', kind: 'soft', description: 'Adapting to change, working in short feedback loops, learning from each iteration.' },
  { name: 'time management', kind: 'soft', description: 'Prioritising, estimating, protecting time for deep work.' },
  { name: 'communication', kind: 'soft', description: 'Saying clearly what you mean, in writing and in person.' },
  { name: 'leadership', kind: 'soft', description: 'Setting direction, growing people, taking responsibility for outcomes.' },
  { name: 'public speaking', kind: 'soft', description: 'Presenting ideas to groups with confidence.' },
  { name: 'stakeholder management', kind: 'soft', description: 'Understanding what others need and keeping them informed.' },
  { name: 'facilitation', kind: 'soft', description: 'Running meetings, workshops and retrospectives that reach outcomes.' },
  { name: 'giving feedback', kind: 'soft', description: 'Offering and receiving feedback that helps people improve.' },
  { name: 'delegation', kind: 'soft', description: 'Handing over work with clear expectations and support.' },
  { name: 'resilience', kind: 'soft', description: 'Recovering from setbacks and keeping a sustainable pace.' },
  { name: 'writing', kind: 'soft', description: 'Clear documents, proposals and messages.' },
  { name: 'system design', kind: 'technical', description: 'Designing systems that scale, fail well and stay simple.' },
  { name: 'TypeScript', kind: 'technical', description: 'Typed JavaScript for larger codebases.' },
  { name: 'code review', kind: 'technical', description: 'Reviewing changes promptly, kindly and thoroughly.' },
  { name: 'testing', kind: 'technical', description: 'Automated tests that give confidence to change code.' },
  { name: 'accessibility', kind: 'technical', description: 'Products everyone can use, following WCAG.' },
  { name: 'security', kind: 'technical', description: 'Secure design, threat modelling and safe defaults.' },
  { name: 'reliability engineering', kind: 'technical', description: 'Monitoring, incident response and error budgets.' },
  { name: 'data science', kind: 'technical', description: 'Analysing data and communicating what it shows.' },
  { name: 'product management', kind: 'technical', description: 'Discovering what to build and why.' },
];

/** The catalogue entry for a skill name (case-insensitive), if any. */
export function findSkill(name: string): SkillEntry | undefined {
  if (typeof name !== 'string') return undefined;
  const wanted = name.trim().toLocaleLowerCase();
  return SKILL_CATALOGUE.find((entry) => entry.name.toLocaleLowerCase() === wanted);
}
