import type { CoachingRecommendMessages } from './recommend.js';

/** The model questionnaire and its reasons in neutral Spanish («tú»). Loaded only through `@mentorkit/core/es`. */
export const coachingRecommendMessagesEs: CoachingRecommendMessages = {
  questions: {
    structure: {
      text: '¿Cómo te gusta que vaya una conversación de mentoría?',
      options: {
        1: 'Abierta: explorar y ver adónde lleva',
        2: 'Casi siempre abierta, con un rumbo flexible',
        3: 'Cualquiera de las dos',
        4: 'Casi siempre estructurada, con margen para desviarse',
        5: 'Estructurada: pasos claros hacia una decisión',
      },
    },
    affirmation: {
      text: 'Cuando las cosas se ponen difíciles, ¿qué te ayuda más?',
      options: {
        1: 'Una mirada franca a lo que falta y un empujón',
        2: 'Sobre todo una mirada franca, con algo de ánimo',
        3: 'Un poco de ambas',
        4: 'Sobre todo escuchar lo que ya funciona',
        5: 'Que se reconozcan mis avances y fortalezas',
      },
    },
    goalClarity: {
      text: '¿Ya sabes en qué meta quieres trabajar?',
      options: {
        yes: 'Sí, puedo decirla en una frase',
        partly: 'Más o menos',
        no: 'Todavía no: sé que algo debería cambiar',
      },
    },
  },
  reasons: {
    prefersStructure: 'Prefieres la estructura: GROW recorre cuatro pasos claros, de una meta a acciones comprometidas.',
    prefersExploring: 'Prefieres explorar: OSKAR parte del futuro que quieres y construye sobre lo que ya funciona.',
    structureEither: 'Estructura o exploración: cualquiera de las dos te sirve.',
    affirmationHelps: 'El reconocimiento te ayuda: OSKAR nombra tus fortalezas y avances en cada sesión.',
    frankLook: 'Te gusta mirar con franqueza lo que falta: el paso Realidad de GROW es justo eso.',
    challengeAndEncouragement: 'Te sirve una mezcla de reto y ánimo: ambos modelos la ofrecen.',
    goalKnown: 'Ya conoces tu meta: GROW parte de ella.',
    goalTakingShape: 'Tu meta todavía está tomando forma: el paso Resultado de OSKAR te ayuda a describirla.',
    balanced: 'Tus respuestas se equilibran; se sugiere GROW por ser el modelo más conocido, y OSKAR te sirve igual de bien.',
  },
};
