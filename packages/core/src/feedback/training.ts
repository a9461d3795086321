import * as v from 'valibot';
import { HttpUrlSchema, IdSchema, longText, shortText, uniqueList } from '../model/primitives.js';
import { parseOrThrow } from '../model/validate.js';
import type { DetectedNeed } from './insights.js';
import { TRAINING_NEEDS, type TrainingNeed } from './text.js';

/** A mentor-training course in the host's LMS. */
export const TrainingCourseSchema = v.object({
  id: IdSchema,
  title: shortText(200),
  /** Where the course lives in the LMS: http: or https: only. */
  url: HttpUrlSchema,
  /** The needs it addresses, e.g. `['time-management']`. */
  needs: v.pipe(
    uniqueList(v.picklist(TRAINING_NEEDS, `must be one of ${TRAINING_NEEDS.map((need) => `"${need}"`).join(', ')}`), 'needs', TRAINING_NEEDS.length),
    v.minLength(1, 'must name at least one need the course addresses'),
  ),
  description: v.optional(longText(1000)),
  durationMinutes: v.optional(
    v.pipe(
      v.number('must be a number of minutes'),
      v.integer('must be whole minutes'),
      v.minValue(1, 'must be at least 1 minute'),
      v.maxValue(60 * 24 * 30, 'must be at most 30 days'),
    ),
  ),
});
export type TrainingCourseInput = v.InferInput<typeof TrainingCourseSchema>;
export type TrainingCourse = v.InferOutput<typeof TrainingCourseSchema>;

export const TrainingCatalogueSchema = v.pipe(
  v.array(TrainingCourseSchema, 'must be a list of courses { id, title, url, needs }'),
  v.maxLength(500, 'must have at most 500 courses'),
  v.check((courses) => new Set(courses.map((course) => course.id)).size === courses.length, 'must not repeat a course id'),
);

/** Validates a course catalogue (throws `invalid-input` with the path of the first problem). */
export function parseTrainingCatalogue(courses: unknown): TrainingCourse[] {
  return parseOrThrow(TrainingCatalogueSchema, courses, 'courses');
}

export interface TrainingRecommendation {
  course: TrainingCourse;
  /** The needs this course answers, each with its reason. */
  because: DetectedNeed[];
}

/**
 * Courses that answer the detected needs, with the reasons shown: most needs answered first, then
 * the strongest need, then catalogue order. Nothing is recommended without a need.
 */
export function recommendTraining(
  needs: readonly DetectedNeed[],
  catalogue: readonly TrainingCourseInput[],
  options: { limit?: number } = {},
): TrainingRecommendation[] {
  const courses = parseTrainingCatalogue(catalogue);
  const rank = new Map<TrainingNeed, number>(needs.map((need, index) => [need.need, index]));
  return courses
    .map((course, order) => ({ course, order, because: needs.filter((need) => course.needs.includes(need.need)) }))
    .filter((entry) => entry.because.length > 0)
    .sort(
      (a, b) =>
        b.because.length - a.because.length ||
        Math.min(...a.because.map((need) => rank.get(need.need)!)) - Math.min(...b.because.map((need) => rank.get(need.need)!)) ||
        a.order - b.order,
    )
    .slice(0, options.limit ?? 5)
    .map(({ course, because }) => ({ course, because }));
}
