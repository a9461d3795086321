import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
const fontkit = require('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit');
/** harfbuzz's subsetter (`subset-font`, CommonJS without types): the font cut down to `text`'s characters. */
const subsetFont = require('subset-font') as (font: Buffer, text: string, options: { targetFormat: 'truetype' }) => Promise<Buffer>;

/** The facts printed on a certificate, frozen when it was issued. */
export interface CertificateFacts {
  personName: string;
  /** `mentee`, `mentor` or `co-mentor`. */
  role: 'mentee' | 'mentor' | 'co-mentor';
  programName: string;
  /** First and last day of the pairing (calendar dates), null when unknown. */
  from: string | null;
  to: string | null;
  sessionsHeld: number;
  mentoringMinutes: number;
  goalsAchieved: string[];
}

export type CertificateLanguage = 'en' | 'es';

export const CERTIFICATE_WORDS = {
  en: {
    title: 'Certificate of participation',
    certifies: 'This certifies that',
    role: {
      mentee: 'took part as a mentee in the mentoring programme',
      mentor: 'took part as a mentor in the mentoring programme',
      'co-mentor': 'took part as a co-mentor in the mentoring programme',
    },
    period: (from: string, to: string) => `from ${from} to ${to}`,
    hours: (hours: string, sessions: number) =>
      `${hours} ${hours === '1' ? 'hour' : 'hours'} of mentoring in ${sessions} ${sessions === 1 ? 'session' : 'sessions'}`,
    goals: 'Goals achieved',
    more: (count: number) => `and ${count} more`,
    issued: (date: string) => `Issued on ${date}`,
    verify: 'Check this certificate at',
  },
  es: {
    title: 'Certificado de participación',
    certifies: 'Se certifica que',
    role: {
      mentee: 'participó como mentorizado/a en el programa de mentoría',
      mentor: 'participó como mentor/a en el programa de mentoría',
      'co-mentor': 'participó como co-mentor/a en el programa de mentoría',
    },
    period: (from: string, to: string) => `del ${from} al ${to}`,
    hours: (hours: string, sessions: number) =>
      `${hours} ${hours === '1' ? 'hora' : 'horas'} de mentoría en ${sessions} ${sessions === 1 ? 'sesión' : 'sesiones'}`,
    goals: 'Objetivos alcanzados',
    more: (count: number) => `y ${count} más`,
    issued: (date: string) => `Emitido el ${date}`,
    verify: 'Compruebe este certificado en',
  },
} as const;

/** Hours with at most one decimal, in the language's format (90 minutes: "1.5" / "1,5"). */
export function formatHours(minutes: number, language: CertificateLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(Math.round(minutes / 6) / 10);
}

/** A calendar date (YYYY-MM-DD) or an instant's day as the language writes it ("30 June 2026" / "30 de junio de 2026"). */
export function formatDay(date: string, language: CertificateLanguage): string {
  const day = date.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return date;
  return new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

// ─── fonts ────────────────────────────────────────────────────────────────────────────────────
// DejaVu Sans (Latin, Greek, Cyrillic, …; Bitstream Vera licence, embedding allowed) for most text,
// embedded as a subset by pdf-lib; Noto Sans SC (SIL OFL 1.1) for a line DejaVu cannot write (Chinese
// names). pdf-lib's own subsetting loses Noto Sans SC's outlines (the glyphs print blank), so that
// font is cut down first to the characters printed with harfbuzz (`subset-font`) and embedded whole.

type FontFile = { bytes: Uint8Array; covers: (codePoint: number) => boolean };
const fontFiles = new Map<string, FontFile>();

function fontFile(key: 'sans' | 'sans-bold' | 'cjk'): FontFile {
  let file = fontFiles.get(key);
  if (!file) {
    const path =
      key === 'cjk'
        ? join(dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')), '400Regular', 'NotoSansSC_400Regular.ttf')
        : join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', key === 'sans' ? 'DejaVuSans.ttf' : 'DejaVuSans-Bold.ttf');
    const bytes = new Uint8Array(readFileSync(path));
    const parsed = fontkit.create(bytes);
    file = { bytes, covers: (codePoint) => parsed.hasGlyphForCodePoint(codePoint) };
    fontFiles.set(key, file);
  }
  return file;
}

/** Whether DejaVu Sans writes every character of `text`. */
export const printableInDejaVu = (text: string) => [...text].every((character) => /\s/u.test(character) || fontFile('sans').covers(character.codePointAt(0)!));

/** Text a PDF line can hold: no control characters, no line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are what this strips
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, ' ').trim();

interface Line {
  text: string;
  y: number;
  size: number;
  bold?: boolean;
  maxWidth: number;
  color?: ReturnType<typeof rgb>;
}

/** Draws `line` centred, shrunk (then cut with …) to fit its width. */
function drawCentred(page: PDFPage, font: PDFFont, line: Line): void {
  let text = line.text;
  let fontSize = line.size;
  while (font.widthOfTextAtSize(text, fontSize) > line.maxWidth && fontSize > line.size * 0.6) fontSize -= 0.5;
  if (font.widthOfTextAtSize(text, fontSize) > line.maxWidth) {
    const characters = [...text];
    while (characters.length > 1 && font.widthOfTextAtSize(`${characters.join('')}…`, fontSize) > line.maxWidth) characters.pop();
    text = `${characters.join('')}…`;
  }
  const width = font.widthOfTextAtSize(text, fontSize);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y: line.y, size: fontSize, font, color: line.color ?? rgb(0.12, 0.14, 0.2) });
}

/**
 * The certificate as a PDF: one A4 landscape page with the person's name, the programme, the
 * pairing's dates, the hours, the goals achieved, the day it was issued and the address that
 * verifies it. Metadata: title (with the name), subject (the programme), keywords (id, verify URL).
 */
export async function certificatePdf(input: {
  id: string;
  facts: CertificateFacts;
  issuedAt: string;
  verifyUrl: string;
  language?: CertificateLanguage;
}): Promise<Uint8Array> {
  const language = input.language ?? 'en';
  const words = CERTIFICATE_WORDS[language];
  const { facts } = input;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${words.title}: ${oneLine(facts.personName)}`);
  doc.setSubject(oneLine(facts.programName));
  doc.setKeywords([input.id, input.verifyUrl]);
  doc.setAuthor('MentorKit');
  doc.setCreator('MentorKit');
  doc.setProducer('MentorKit (pdf-lib)');
  doc.setLanguage(language);
  doc.setCreationDate(new Date(input.issuedAt));
  doc.setModificationDate(new Date(input.issuedAt));

  const page = doc.addPage([841.89, 595.28]); // A4 landscape, in points
  const width = page.getWidth();
  const accent = rgb(0.16, 0.33, 0.62);
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: page.getHeight() - 48, borderColor: accent, borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: width - 64, height: page.getHeight() - 64, borderColor: accent, borderWidth: 0.75 });
  const maxWidth = width - 160;

  const lines: Line[] = [];
  let y = 500;
  const add = (text: string, size: number, step: number, options: { bold?: boolean; color?: ReturnType<typeof rgb>; maxWidth?: number } = {}) => {
    const clean = oneLine(text);
    if (clean !== '')
      lines.push({
        text: clean,
        y,
        size,
        maxWidth: options.maxWidth ?? maxWidth,
        ...(options.bold ? { bold: true } : {}),
        ...(options.color ? { color: options.color } : {}),
      });
    y -= step;
  };
  add(words.title, 30, 48, { bold: true, color: accent });
  add(words.certifies, 14, 44);
  add(facts.personName, 30, 36, { bold: true });
  add(words.role[facts.role], 14, 28);
  add(facts.programName, 20, 28, { bold: true });
  if (facts.from && facts.to) add(words.period(formatDay(facts.from, language), formatDay(facts.to, language)), 13, 22);
  add(words.hours(formatHours(facts.mentoringMinutes, language), facts.sessionsHeld), 13, 30);
  if (facts.goalsAchieved.length > 0) {
    add(`${words.goals}:`, 12, 18, { bold: true });
    const shown = facts.goalsAchieved.slice(0, 4);
    for (const goal of shown) add(`• ${goal}`, 11, 16, { maxWidth: maxWidth - 80 });
    if (facts.goalsAchieved.length > shown.length) add(words.more(facts.goalsAchieved.length - shown.length), 11, 16);
  }
  y = 86;
  add(words.issued(formatDay(input.issuedAt, language)), 11, 20);
  add(`${words.verify} ${input.verifyUrl}`, 10, 0, { color: accent });

  const regular = await doc.embedFont(fontFile('sans').bytes, { subset: true });
  const bold = await doc.embedFont(fontFile('sans-bold').bytes, { subset: true });
  const fallbackLines = lines.filter((line) => !printableInDejaVu(line.text));
  let fallback: PDFFont | undefined;
  if (fallbackLines.length > 0) {
    const characters = [...new Set([...fallbackLines.map((line) => line.text).join(''), '…'])].join('');
    fallback = await doc.embedFont(await subsetFont(Buffer.from(fontFile('cjk').bytes), characters, { targetFormat: 'truetype' }), { subset: false });
  }
  for (const line of lines) drawCentred(page, fallbackLines.includes(line) ? fallback! : line.bold ? bold : regular, line);
  return doc.save();
}
