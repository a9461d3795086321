// What the translation tests share: every leaf text of a message catalogue, and the {placeholders} of a text.

/** Every leaf of a catalogue as `path → text` (`levels.regular`, `steps[2].title`). */
export function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, index) => leaves(item, `${path}[${index}]`).forEach((text, key) => out.set(key, text)));
  else for (const [key, item] of Object.entries(value as object)) leaves(item, path ? `${path}.${key}` : key).forEach((text, sub) => out.set(sub, text));
  return out;
}

/** The `{name}` placeholders of a text, sorted. */
export const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
