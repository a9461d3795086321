import type { CoachingModelTexts } from './languages.js';

/**
 * GROW and OSKAR in neutral Spanish («tú»), by step and prompt id (the same ids as `GROW` and `OSKAR`).
 * Loaded only through `@mentorkit/core/es`; `coachingModelIn(model, 'es')` lays them over the model.
 */
export const builtInModelTextsEs: Readonly<Record<'grow' | 'oskar', CoachingModelTexts>> = {
  grow: {
    name: 'GROW',
    description:
      'Meta, Realidad, Opciones, Voluntad: parte de lo que quieres, mira con honestidad dónde estás, amplía las opciones y comprométete con los próximos pasos.',
    steps: {
      goal: { title: 'Meta', purpose: 'Define qué quieres lograr, dicho de forma que ambos sepan cuándo lo han conseguido.' },
      reality: { title: 'Realidad', purpose: 'Describe cómo están las cosas hoy, con hechos en lugar de juicios, antes de buscar soluciones.' },
      options: { title: 'Opciones', purpose: 'Amplía las posibilidades antes de elegir una: en esta etapa cuenta cada idea.' },
      will: { title: 'Voluntad', purpose: 'Comprométete con próximos pasos concretos y con fechas, y nombra lo que podría interponerse.' },
    },
    prompts: {
      'goal-what': { text: '¿Qué quieres lograr?', help: 'Dilo como un resultado que reconocerías: ¿qué será diferente?' },
      'goal-session': { text: '¿Qué haría que esta conversación valiera la pena para ti hoy?' },
      'goal-success': { text: '¿Cómo sabrás que lo has logrado? ¿Qué verás, oirás o podrás medir?' },
      'goal-why': { text: '¿Por qué te importa esto ahora?' },
      'reality-now': { text: '¿Qué está pasando ahora? Da uno o dos ejemplos concretos.' },
      'reality-tried': { text: '¿Qué has intentado hasta ahora y qué cambió?' },
      'reality-obstacles': { text: '¿Qué se interpone en el camino?', help: 'Un obstáculo por línea.' },
      'reality-position': { text: '¿Qué tan cerca estás hoy de tu meta?', minLabel: 'Sin empezar', maxLabel: 'Ya lo logré' },
      'options-list': { text: '¿Qué podrías hacer? Anota todas las opciones, incluso las poco probables.', help: 'Una opción por línea.' },
      'options-admired': { text: '¿Qué haría en tu lugar alguien a quien admiras?' },
      'options-unlimited': { text: 'Si el tiempo, el dinero y los permisos no fueran un problema, ¿qué intentarías?' },
      'options-best': { text: '¿Qué opción te atrae más y por qué?' },
      'will-actions': { text: '¿Qué vas a hacer?', help: 'Una acción por línea; cada una puede convertirse en una meta.' },
      'will-when': { text: '¿Cuándo harás cada una?' },
      'will-obstacles': { text: '¿Qué podría impedírtelo y cómo lo vas a sortear?' },
      'will-support': { text: '¿Qué apoyo necesitas y de quién?' },
      'will-commitment': { text: '¿Cuánto compromiso sientes con estas acciones?', minLabel: 'Nada', maxLabel: 'Totalmente' },
    },
  },
  oskar: {
    name: 'OSKAR',
    description:
      'Resultado, Escala, Saber hacer, Afirmar + Acción, Revisión: describe el futuro que quieres, encuentra lo que ya funciona y sube la escala con pasos pequeños.',
    steps: {
      outcome: { title: 'Resultado', purpose: 'Describe el futuro que quieres, con tus propias palabras, y lo que esta conversación debería aportar.' },
      scaling: {
        title: 'Escala',
        purpose: 'Sitúa el día de hoy en una escala donde 10 es el resultado plenamente logrado, y elige dónde quieres estar después.',
      },
      'know-how': { title: 'Saber hacer', purpose: 'Encuentra las habilidades, los recursos y los éxitos pasados que ya funcionan, y construye sobre ellos.' },
      'affirm-action': {
        title: 'Afirmar + Acción',
        purpose: 'Nombra las fortalezas que has escuchado y luego elige pasos pequeños que te suban un punto en la escala.',
      },
      review: { title: 'Revisión', purpose: 'Mira hacia atrás desde la última vez: qué está mejor, qué ayudó y qué seguir haciendo.' },
    },
    prompts: {
      'outcome-what': { text: '¿Qué resultado quieres? ¿Qué será diferente cuando las cosas estén mejor?' },
      'outcome-today': { text: '¿Qué quieres sacar de nuestra conversación de hoy?' },
      'outcome-miracle': { text: 'Imagina que el problema desapareciera de la noche a la mañana. ¿Qué es lo primero que notarías?' },
      'scaling-now': {
        text: '¿Dónde estás hoy en una escala de 0 a 10?',
        help: '10 es el resultado plenamente logrado; 0 es lo contrario.',
        minLabel: 'Todavía en ningún punto',
        maxLabel: 'Plenamente logrado',
      },
      'scaling-target': {
        text: '¿Dónde quieres estar para nuestra próxima conversación?',
        minLabel: 'Todavía en ningún punto',
        maxLabel: 'Plenamente logrado',
      },
      'scaling-why': { text: '¿Qué te sitúa en ese número y no en cero?' },
      'know-how-working': { text: '¿Qué está funcionando ya, aunque sea un poco?' },
      'know-how-before': { text: '¿Cuándo has manejado bien algo parecido antes? ¿Qué hiciste?' },
      'know-how-resources': { text: '¿En qué habilidades, personas y recursos puedes apoyarte?', help: 'Uno por línea.' },
      'affirm-strengths': { text: '¿Qué fortalezas y avances hemos escuchado hoy?', help: 'Mentor: di lo que te impresionó. Mentee: di qué te enorgullece.' },
      'action-steps': { text: '¿Qué pasos pequeños te subirán un punto en la escala?', help: 'Un paso por línea; cada uno puede convertirse en una meta.' },
      'action-first': { text: '¿Cuál darás primero y cuándo?' },
      'review-better': { text: '¿Qué está mejor desde la última vez?', help: 'Tu sesión OSKAR anterior se muestra aquí cuando la hay.' },
      'review-helped': { text: '¿Qué hiciste que marcó la diferencia?' },
      'review-next': { text: '¿Qué seguirás haciendo y qué harás de otra manera?' },
    },
  },
};
