import { html, type TemplateResult } from 'lit';

/**
 * A translated sentence whose placeholders are filled with templates (a name in `<bdi>`, a `<time>`):
 * `word` gets a marker for each part and returns the sentence; the markers become the parts, so the
 * language decides where each one goes and the text around them stays text.
 */
export function sentenceWithParts(word: (markers: Record<string, string>) => string, parts: Record<string, TemplateResult>): TemplateResult {
  const names = Object.keys(parts);
  const marked = word(Object.fromEntries(names.map((name, index) => [name, `\u0000${index}\u0000`])));
  // eslint-disable-next-line no-control-regex -- NUL marks where each part goes; no catalogue text holds one
  const pieces = marked.split(/\u0000(\d+)\u0000/);
  return html`${pieces.map((piece, index) => (index % 2 === 1 ? parts[names[Number(piece)]!] : piece))}`;
}
