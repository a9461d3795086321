import type { PairingMessages } from './messages.js';

/**
 * The pairing sentences (match reasons, why a mentee is left unmatched, criterion names) in neutral
 * Spanish. Loaded only through `@mentorkit/core/es`; `pairingMessagesFor('es')` returns it once registered.
 */
export const pairingMessagesEs: PairingMessages = {
  component: {
    skills: 'Habilidades',
    availability: 'Horario laboral en común',
    language: 'Idioma en común',
    interests: 'Intereses',
    rules: 'Reglas del programa',
    complementarity: 'Comentores complementarios',
    host: 'Puntuación del anfitrión',
  },
  priority: (priority: number) => (priority >= 3 ? 'imprescindible' : priority === 2 ? 'importante' : 'deseable'),
  level: (level: number) =>
    level >= 5 ? 'experto' : level === 4 ? 'avanzado' : level === 3 ? 'intermedio' : level === 2 ? 'con conocimientos prácticos' : 'principiante',
  skillHeld: (mentor: string, skill: string, priority: string, level: string, value: number) =>
    `Quiere ${skill} (${priority}): el nivel de ${mentor} es ${level} (${value}/5)`,
  skillMissing: (mentor: string, skills: string[]) => `${mentor} no indica ${skills.join(', ')}`,
  noWantedSkills: (mentee: string) => `${mentee} todavía no indica habilidades que aprender, así que las habilidades cuentan como neutras`,
  overlap: (hours: string, window: string) => `${hours} h/semana en común: ${window}`,
  overlapWindow: (days: string, firstTimes: string, firstPlace: string, secondTimes: string, secondPlace: string, dayShift: number) =>
    `${days} ${firstTimes} ${firstPlace} = ${secondTimes}${dayShift > 0 ? ' (día siguiente)' : dayShift < 0 ? ' (día anterior)' : ''} ${secondPlace}`,
  moreWindows: (count: number) => ` (+${count} ${count === 1 ? 'franja más' : 'franjas más'})`,
  noOverlap: (mentee: string, mentor: string) => `Sin horario laboral en común: ${mentee} y ${mentor} nunca trabajan a la misma hora`,
  noCommonDay: (days: string) => `Ningún día laboral en común si se respetan los días no disponibles (${days})`,
  sharedLanguages: (languages: string[]) => `${languages.length > 1 ? 'Idiomas en común' : 'Idioma en común'}: ${languages.join(', ')}`,
  noSharedLanguage: (menteeLanguages: string[], mentorLanguages: string[]) =>
    `Ningún idioma en común (${menteeLanguages.join(', ') || 'ninguno indicado'} frente a ${mentorLanguages.join(', ') || 'ninguno indicado'})`,
  languagesUnknown: 'Los idiomas no figuran en ambos perfiles, así que el idioma cuenta como neutro',
  sharedInterests: (interests: string[]) => `Intereses en común: ${interests.join(', ')}`,
  complementary: (skills: string[]) => `El comentor aporta ${skills.join(', ')}`,
  hostScore: (score: number) => `Compatibilidad según el anfitrión: ${Number.isInteger(score) ? score : score.toFixed(3)}`,
  groupTheme: (theme: string) => `Tema del círculo: ${theme}`,
  unmatchedNoCandidate: (why: string) => `Ningún mentor compatible: ${why}`,
  unmatchedCapacity: 'Todos los mentores compatibles están al límite de su capacidad con mentees que encajan con ellos igual o mejor',
  unmatchedCoMentor: 'Solo un mentor compatible tenía plaza; la comentoría necesita dos mentores distintos',
  unmatchedFiltered: {
    forbidden: 'todas las parejas posibles están prohibidas',
    minScore: (minScore: number) => `ninguna pareja alcanza la puntuación mínima ${minScore}`,
    language: 'ningún mentor comparte un idioma',
    rules: 'las reglas del programa excluyen a todos los mentores',
    unavailable: 'los mentores que encajarían están ausentes o no aceptan mentees',
    capacity: 'ningún mentor tiene plazas libres',
    candidates: 'no se indicó ningún mentor candidato',
    theme: 'ningún tema de círculo coincide con lo que el mentee quiere aprender',
  },
  weekdays: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
};
