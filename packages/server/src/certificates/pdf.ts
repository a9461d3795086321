import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
const fontkit = require('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit');

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
    role: { mentee: 'took part as a mentee in the mentoring programme', mentor: 'took part as a mentor in the mentoring programme', 'co-mentor': 'took part as a co-mentor in the mentoring programme' },
    period: (from: string, to: string) => `from ${from} to ${to}`,
    hours: (hours: string, sessions: number) => `${hours} ${hours === '1' ? 'hour' : 'hours'} of mentoring in ${sessions} ${sessions === 1 ? 'session' : 'sessions'}`,
    goals: 'Goals achieved',
    more: (count: number) => `and ${count} more`,
    issued: (date: string) => `Issued on ${date}`,
    verify: 'Check this certificate at',
  },
  es: {
    title: 'Certificado de participación',
    certifies: 'Se certifica que',
    role: { mentee: 'participó como mentorizado/a en el programa de mentoría', mentor: 'participó como mentor/a en el programa de mentoría', 'co-mentor': 'participó como co-mentor/a en el programa de mentoría' },
    period: (from: string, to: string) => `del ${from} al ${to}`,
    hours: (hours: string, sessions: number) => `${hours} ${hours === '1' ? 'hora' : 'horas'} de mentoría en ${sessions} ${sessions === 1 ? 'sesión' : 'sesiones'}`,
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
  return new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

// ─── fonts ────────────────────────────────────────────────────────────────────────────────────
// DejaVu Sans (Latin, Greek, Cyrillic, …; Bitstream Vera licence, embedding allowed) for most text;
// Noto Sans SC (SIL OFL 1.1) for a line DejaVu cannot write (Chinese names). Both are embedded as
// subsets: only the glyphs printed travel in the PDF.

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

const printable = (text: string) => [...text].every((character) => /\s/u.test(character) || fontFile('sans').covers(character.codePointAt(0)!));

/** Text a PDF line can hold: no control characters, no line breaks. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, ' ').trim();

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  cjk: () => Promise<PDFFont>;
}

/** Draws `text` centred at `y`, in the fallback font when DejaVu lacks a character, shrunk (then cut with …) to fit `maxWidth`. */
async function centred(page: PDFPage, fonts: Fonts, text: string, y: number, size: number, options: { bold?: boolean; maxWidth: number; color?: ReturnType<typeof rgb> }): Promise<void> {
  let line = oneLine(text);
  if (line === '') return;
  const font = printable(line) ? (options.bold ? fonts.bold : fonts.regular) : await fonts.cjk();
  let fontSize = size;
  while (font.widthOfTextAtSize(line, fontSize) > options.maxWidth && fontSize > size * 0.6) fontSize -= 0.5;
  if (font.widthOfTextAtSize(line, fontSize) > options.maxWidth) {
    const characters = [...line];
    while (characters.length > 1 && font.widthOfTextAtSize(`${characters.join('')}…`, fontSize) > options.maxWidth) characters.pop();
    line = `${characters.join('')}…`;
  }
  const width = font.widthOfTextAtSize(line, fontSize);
  page.drawText(line, { x: (page.getWidth() - width) / 2, y, size: fontSize, font, color: options.color ?? rgb(0.12, 0.14, 0.2) });
}

/**
 * The certificate as a PDF: one A4 landscape page with the person's name, the programme, the
 * pairing's dates, the hours, the goals achieved, the day it was issued and the address that
 * verifies it. Metadata: title (with the name), subject (the programme), keywords (id, verify URL).
 */
export async function certificatePdf(input: { id: string; facts: CertificateFacts; issuedAt: string; verifyUrl: string; language?: CertificateLanguage }): Promise<Uint8Array> {
  const language = input.language ?? 'en';
  const words = CERTIFICATE_WORDS[language];
  const { facts } = input;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  let cjk: PDFFont | undefined;
  const fonts: Fonts = {
    regular: await doc.embedFont(fontFile('sans').bytes, { subset: true }),
    bold: await doc.embedFont(fontFile('sans-bold').bytes, { subset: true }),
    cjk: async () => (cjk ??= await doc.embedFont(fontFile('cjk').bytes, { subset: true })),
  };
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

  let y = 500;
  await centred(page, fonts, words.title, y, 30, { bold: true, maxWidth, color: accent });
  y -= 48;
  await centred(page, fonts, words.certifies, y, 14, { maxWidth });
  y -= 44;
  await centred(page, fonts, facts.personName, y, 30, { bold: true, maxWidth });
  y -= 36;
  await centred(page, fonts, words.role[facts.role], y, 14, { maxWidth });
  y -= 28;
  await centred(page, fonts, facts.programName, y, 20, { bold: true, maxWidth });
  y -= 28;
  if (facts.from && facts.to) {
    await centred(page, fonts, words.period(formatDay(facts.from, language), formatDay(facts.to, language)), y, 13, { maxWidth });
    y -= 22;
  }
  await centred(page, fonts, words.hours(formatHours(facts.mentoringMinutes, language), facts.sessionsHeld), y, 13, { maxWidth });
  y -= 30;
  if (facts.goalsAchieved.length > 0) {
    await centred(page, fonts, `${words.goals}:`, y, 12, { bold: true, maxWidth });
    y -= 18;
    const shown = facts.goalsAchieved.slice(0, 4);
    for (const goal of shown) {
      await centred(page, fonts, `• ${goal}`, y, 11, { maxWidth: maxWidth - 80 });
      y -= 16;
    }
    if (facts.goalsAchieved.length > shown.length) {
      await centred(page, fonts, words.more(facts.goalsAchieved.length - shown.length), y, 11, { maxWidth });
      y -= 16;
    }
  }
  await centred(page, fonts, words.issued(formatDay(input.issuedAt, language)), 86, 11, { maxWidth });
  await centred(page, fonts, `${words.verify} ${input.verifyUrl}`, 66, 10, { maxWidth, color: accent });
  return doc.save();
}
