// Gender forms, read away before a title is matched: they are part of most titles in German,
// French, Spanish, Portuguese, Italian, Dutch and Polish postings, and must never change an answer.
//   bracketed:  "(m/w/d)", "(w/m/d)", "(H/F)", "(all genders)", "(k/m)", "(m/v/x)"
//   loose:      "Cuisinier H/F", "Développeur - F/H" (pairs of gender letters only: "H/W" is hardware)
//   inline:     "Entwickler/in", "Entwickler/-in", "Mitarbeiter*in", "Analyst:in", "Programador/a",
//               "Desenvolvedor(a)", "Infirmier/ère", "Serveur(se)", "EntwicklerIn"
//   word pairs: "Specjalista / Specjalistka", "Koch/Köchin", "Directeur/Directrice": the first is kept.
// A note ends a part of the title, as its brackets did (it is read as a comma).
// Pure and cheap: a title with none of the characters these forms use is returned as it is.

/** Pairs of gender letters ("H/F", "m/w", "k/m"): not "H/W" (hardware), "A/B" or "M/E" (mechanical, electrical). */
const PAIRS = ['h/f', 'f/h', 'm/f', 'f/m', 'm/w', 'w/m', 'h/m', 'm/h', 'k/m', 'm/k', 'm/v', 'v/m'];
/** Gender letters joined by `sep`: a pair above, or three ("m/w/d", "f/m/x", "d/f/m", "w/m/divers"). */
const codes = (sep: string) =>
  `(?:[mwfhvkd]${sep}[mwfhvkd]${sep}(?:[mwfhvkdx]|div\\.?|divers|diverse)|${PAIRS.map((p) => p.replace('/', sep)).join('|')})`;
/** A bracket that holds a gender note: "(m/w/d)", "[H/F]", "(m, w, d)". */
const CODE_NOTE = lazy(() => new RegExp(`^\\s*${codes('\\s*[/,|]\\s*')}\\s*$`, 'iu'));
/** Gender letters outside brackets ("Cuisinier H/F", "Koch m/w/d"), between spaces or separators. */
const LOOSE = lazy(() => new RegExp(`(^|[\\s,;|–—-])${codes('/')}(?=$|[\\s,;|–—-])`, 'giu'));
/** A note in words: "(all genders)", "(alle Geschlechter)", "(tous genres)", "(gn)", "(mwd)". */
const NOTE_WORDS = new Set(['all', 'alle', 'any', 'gender', 'genders', 'geschlechter', 'tous', 'toutes', 'genres', 'todos', 'todas',
  'los', 'os', 'generos', 'welcome', 'gn', 'mwd', 'mfd', 'wmd', 'fmd', 'mfx', 'divers', 'diverse']);
const NOTE_MARKS = new Set(['gender', 'genders', 'geschlechter', 'genres', 'generos', 'gn', 'mwd', 'mfd', 'wmd', 'fmd', 'mfx']);
/**
 * Feminine (or plural) endings written after a joiner: "/in", "*innen", ":in", "/a", "(a)", "/ère",
 * "(se)", "/ka". Lower case only: "Data/BI" and "UX/UI" are two words.
 */
const SUFFIXES = 'innen|in|as|a|es|e|ne|ère|ere|euse|se|rice|trice|ice|ka|ki|czka|essa|ora|ina|ster';
const INLINE = lazy(() => new RegExp(`(\\p{L}{3,})(?:\\/-?|\\*|:|_|·|\\()(?:${SUFFIXES})\\)?(?=$|[\\s,;|/()\\[\\]–—-])`, 'gu'));
/** "EntwicklerIn", "MitarbeiterInnen": the capital I after a masculine ending (not "LinkedIn"). */
const BINNEN_I = lazy(() => /(\p{Ll}{2,}(?:er|or|ist|ent|ant|eur|at|og))In(?:nen)?(?=$|[\s,;|/()[\]–—-])/gu);
/** Two words joined by a slash, spaced or not: a gender pair when one is the other with a feminine ending. */
const PAIR = lazy(() => /(\p{L}{3,})\s*\/\s*(\p{L}{3,})/gu);
const FEMININE = new Set(SUFFIXES.split('|').concat(['a', 'ia', 'ina', 'essa', 'erin', 'ière', 'iere', 'trice', 'rice', 'euse', 'se', 'ka', 'czka', 'yni', 'ni']));
const BRACKETED = /[([]([^()[\]]{1,40})[)\]]/g;

/** The characters every gender form uses one of: a title with none is returned unread. */
const ANY = /[/*:_·([]|[a-z]In/;

/** A pattern compiled on first use: Unicode classes cost a cold `leveler match` a millisecond each. */
function lazy(make: () => RegExp): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= make());
}

export function withoutGenderForms(title: string): string {
  if (!ANY.test(title)) return title;
  let out = title;
  if (out.includes('(') || out.includes('[')) out = out.replace(BRACKETED, (whole, inner: string) => (isNote(inner) ? ' , ' : whole));
  if (out.includes('/')) out = out.replace(LOOSE(), '$1 , ');
  if (/[/*:_·(]/.test(out)) out = out.replace(INLINE(), '$1');
  if (out.includes('In')) out = out.replace(BINNEN_I(), '$1');
  if (out.includes('/')) out = out.replace(PAIR(), (whole, a: string, b: string) => (isPair(a, b) ? a : whole));
  return out;
}

/** Whether a bracket's text is a gender note: "m/w/d", "H/F", "all genders", "w/m/divers". */
function isNote(inner: string): boolean {
  if (CODE_NOTE().test(inner)) return true;
  const words = plain(inner).split(/[\s/|,.*:&+-]+/).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => NOTE_WORDS.has(w)) && words.some((w) => NOTE_MARKS.has(w));
}

const plain = (w: string) => w.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Whether two words are a masculine and a feminine form: one stem, and one of them ends in a feminine ending. */
function isPair(a: string, b: string): boolean {
  const x = plain(a);
  const y = plain(b);
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  if (common < 3 || common < Math.min(x.length, y.length) - 3) return false;
  const restX = x.slice(common);
  const restY = y.slice(common);
  if (restX === restY) return false;
  return FEMININE.has(restY) || FEMININE.has(restX) || (restX === '' && FEMININE.has(restY));
}
