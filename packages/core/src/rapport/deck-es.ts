import type { RapportTexts } from './languages.js';

/**
 * The icebreaker deck and the informal formats in neutral Spanish («tú»), by prompt and format id (the
 * same ids as `ICEBREAKER_DECK` and `INFORMAL_FORMATS`, so a pair's history stays valid in any language).
 * Loaded only through `@mentorkit/core/es`.
 */
export const rapportTextsEs: RapportTexts = {
  prompts: {
    // Trabajo
    'small-win': '¿Cuál es un pequeño logro de tu semana?',
    'great-workday': '¿Cómo es para ti un gran día de trabajo?',
    'time-saver': '¿Qué herramienta o atajo te ahorra más tiempo?',
    'first-job': '¿Cuál fue tu primer trabajo y qué te enseñó?',
    'desk-object': '¿Qué hay ahora mismo en tu escritorio, o en tu pantalla, que diga algo de ti?',
    'one-meeting': 'Si pudieras conservar solo una reunión de tu semana, ¿cuál sería?',
    'changed-mind': '¿Sobre qué has cambiado de opinión en el trabajo este año?',
    'best-teacher': '¿Quién te ha enseñado más en tu carrera hasta ahora, y cómo?',
    energy: '¿Qué parte de tu trabajo te da energía y cuál te la quita?',
    'earlier-advice': '¿Qué consejo te habría gustado escuchar antes en tu carrera?',
    'quiet-pride': '¿De qué habilidad te enorgulleces en silencio?',
    stuck: '¿Cuándo fue la última vez que te sentiste en un punto muerto en el trabajo, y qué te hizo avanzar de nuevo?',
    'known-for': '¿Para qué te gustaría que la gente acudiera a ti dentro de dos años?',
    'theme-song': 'Si tu trabajo tuviera una canción, ¿cuál sería?',
    'strange-explain': '¿Qué es lo más extraño que has tenido que explicarle a un colega?',
    'swap-jobs': 'Si pudieras intercambiar tu trabajo por un día con cualquier persona de tu organización, ¿qué trabajo elegirías?',
    forecast: 'Describe tu semana de trabajo como un pronóstico del tiempo.',
    // Fuera del trabajo
    'last-weekend': '¿Qué fue lo que más disfrutaste el fin de semana pasado?',
    'reading-watching': '¿Qué estás leyendo, viendo o escuchando en este momento?',
    'signature-dish': '¿Qué plato podrías cocinar sin receta?',
    'the-view': '¿Qué ves si miras por la ventana más cercana?',
    'small-purchase': '¿Qué es lo mejor que has comprado por muy poco dinero?',
    'morning-night': '¿Eres más de mañanas o de noches? ¿Cómo se nota en tu día?',
    laugh: '¿Qué fue lo último que te hizo reír a carcajadas?',
    'instant-skill': '¿Qué habilidad te encantaría aprender al instante?',
    'dinner-guest': 'Si pudieras cenar con cualquier persona, viva o no, ¿quién sería?',
    'unusual-hobby': '¿Cuál es tu afición más inusual, o la que te gustaría tener?',
    'free-afternoon': 'Tienes una tarde libre sin obligaciones. ¿Cómo la pasas?',
    'local-knowledge': '¿Cuál es el mejor secreto local del lugar donde vives?',
    'fictional-world': '¿En qué mundo de ficción vivirías durante una semana?',
    'got-lost': 'Cuenta la historia de una vez en que te perdiste.',
    'looking-forward': '¿Qué esperas con ilusión este mes?',
    'feels-like-home': '¿Qué lugar sientes como tu hogar, y por qué?',
    tradition: '¿Qué tradición de tu familia o de tu cultura te encanta?',
    'learned-outside': '¿Qué has aprendido últimamente fuera del trabajo?',
    recharge: '¿Qué te ayuda a recargar energías después de una semana exigente?',
    admire: '¿A quién admiras fuera del trabajo, y por qué?',
    // Check-ins
    'one-word': 'En una palabra, ¿cómo llegas hoy?',
    attention: '¿Qué se está llevando la mayor parte de tu atención esta semana?',
    'energy-scale': 'Del 1 al 10, ¿cómo está tu energía hoy, y qué le sumaría un punto?',
    'better-than-expected': '¿Qué salió mejor de lo esperado desde la última vez que hablamos?',
    'fully-here': '¿Hay algo en tu mente que debamos nombrar antes de empezar, para que puedas estar plenamente aquí?',
    'useful-hour': '¿Qué haría que esta hora te resultara útil?',
    grateful: '¿Qué es algo por lo que sientes gratitud esta semana?',
    surprised: '¿Qué te sorprendió desde nuestra última conversación?',
  },
  formats: {
    'virtual-lunch': {
      name: 'Almuerzo virtual',
      summary: 'Coman juntos por videollamada, sin agenda: lo importante es la relación.',
      instructions: [
        'Elijan una hora que sea de comida para ambos; puede ser el desayuno para uno y la cena para el otro.',
        'Cámaras encendidas si les resulta cómodo; la comida es bienvenida, la agenda no.',
        'Empiecen con un rompehielos que no sea de trabajo y dejen el trabajo fuera de los primeros quince minutos.',
        'Muéstrense algo de donde están: la vista, una mascota, lo que hay en el plato.',
        'Antes de colgar, acuerden cuándo será el próximo.',
      ],
    },
    'two-truths-and-a-lie': {
      name: 'Dos verdades y una mentira',
      summary: 'Un juego rápido para formar equipo que funciona en pareja, con comentores o en un grupo de mentoría.',
      instructions: [
        'Cada persona piensa tres afirmaciones sobre sí misma: dos verdaderas y una inventada.',
        'Por turnos, cada quien dice sus tres; los demás hacen una pregunta cada uno y luego adivinan la mentira.',
        'Revela la respuesta y cuenta la historia detrás de una de las verdades.',
        'Que sea ligero: elige afirmaciones que quieras compartir.',
      ],
    },
    'walk-and-talk': {
      name: 'Caminar y conversar',
      summary: 'Una llamada solo de audio mientras ambos caminan al aire libre: es más fácil pensar, sin pantallas.',
      instructions: [
        'Acuerden la hora y una sola pregunta de la que hablar, o ninguna.',
        'Solo audio, auriculares puestos, teléfono en el bolsillo.',
        'Al empezar, describe por dónde caminas; fíjense en la diferencia de sus zonas horarias.',
        'Después, cada uno anota algo que valga la pena recordar.',
      ],
    },
    'co-working-hour': {
      name: 'Hora de trabajo compartido',
      summary: 'Trabajen en silencio en sus propias tareas en la misma videollamada, con una puesta en común al principio y al final.',
      instructions: [
        'Abran con dos minutos cada uno: en qué van a trabajar durante esta hora.',
        'Silencien el micrófono y trabajen; dejen la cámara encendida si eso les ayuda a concentrarse.',
        'Cierren con dos minutos cada uno: qué lograron y qué se interpuso.',
      ],
    },
  },
};
