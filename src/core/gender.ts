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
/** The same for a title of ASCII letters: no Unicode classes to match, several times faster. */
const INLINE_ASCII = new RegExp(`([A-Za-z]{3,})(?:\\/-?|\\*|:|_|\\()(?:${SUFFIXES.replace(/\|?[^|]*[^\x20-\x7e][^|]*/g, '')})\\)?(?=$|[\\s,;|/()\\[\\]-])`, 'g');
/** "EntwicklerIn", "MitarbeiterInnen": the capital I after a masculine ending (not "LinkedIn"). */
const BINNEN_I = lazy(() => /(\p{Ll}{2,}(?:er|or|ist|ent|ant|eur|at|og))In(?:nen)?(?=$|[\s,;|/()[\]–—-])/gu);
/** Two words joined by a slash, spaced or not: a gender pair when one is the other with a feminine ending. */
const PAIR = lazy(() => /(\p{L}{3,})\s*\/\s*(\p{L}{3,})/gu);
const PAIR_ASCII = /([A-Za-z]{3,})\s*\/\s*([A-Za-z]{3,})/g;
const FEMININE = new Set(SUFFIXES.split('|').concat(['a', 'ia', 'ina', 'essa', 'erin', 'ière', 'iere', 'trice', 'rice', 'euse', 'se', 'ka', 'czka', 'yni', 'ni']));
const BRACKETED = /[([]([^()[\]]{1,40})[)\]]/g;

/** The characters every gender form uses one of: a title with none is returned unread. */
const ANY = /[*:_·([]|[a-z]In/;

/** A pattern compiled on first use: Unicode classes cost a cold `leveler match` a millisecond each. */
function lazy(make: () => RegExp): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= make());
}

/** Where a bracketed note may stand: a bracket opening on a gender letter and a separator, or a note's word. */
const NOTE_HINT = /[([]\s*(?:[mwfhvkd]\s*[/,|]|gn\b|mwd|mfd|wmd|fmd|mfx|all\b|alle\b|any\b|tous|toutes|todos|todas|gender|divers)/i;
/** Where gender letters may stand outside brackets ("H/F"). */
const LOOSE_HINT = /(?:^|[\s,;|–—-])[mwfhvkd]\/[mwfhvkd]/i;
/** Where an inline ending may stand: a joiner, then a lower-case letter ("/in", "(a)", "*innen", "/-in"). */
const INLINE_HINT = /[/*:_·(]-?[a-zà-ÿ]/;
/** Where a word pair may stand: two words of one stem either side of a slash (any letters where a title has accents). */
const PAIR_HINT_ASCII = /([A-Za-z]{3})[A-Za-z]*\s*\/\s*\1/i;
const PAIR_HINT = /[A-Za-zÀ-ž]{3}\s*\/\s*[A-Za-zÀ-ž]{3}/;
/** Where a capital I may end a word ("EntwicklerIn"). */
const BINNEN_HINT = /[a-z]In(?:nen)?\b/;

/** Whether a title may hold a gender form: false means withoutGenderForms() returns it as it is. */
export function mayHoldGenderForm(title: string): boolean {
  return title.includes('/') || ANY.test(title);
}

export function withoutGenderForms(title: string): string {
  const slash = title.includes('/');
  if (!slash && !ANY.test(title)) return title;
  let out = title;
  if (NOTE_HINT.test(out)) out = out.replace(BRACKETED, (whole, inner: string) => (isNote(inner) ? ' , ' : whole));
  if (slash && LOOSE_HINT.test(out)) out = out.replace(LOOSE(), '$1 , ');
  const ascii = /^[\x20-\x7e]*$/.test(out);
  if (INLINE_HINT.test(out)) out = out.replace(ascii ? INLINE_ASCII : INLINE(), '$1');
  if (BINNEN_HINT.test(out)) out = out.replace(BINNEN_I(), '$1');
  if (slash && (ascii ? PAIR_HINT_ASCII : PAIR_HINT).test(out)) out = out.replace(ascii ? PAIR_ASCII : PAIR(), (whole, a: string, b: string) => (isPair(a, b) ? a : whole));
  return out;
}

/** Letters, spaces and the marks gender notes are written with: a bracket with anything else ("(Hybrid 3 days)") is not one. */
const NOTE_CHARS = /^[\p{L}\s/|,.*:&+-]{1,30}$/u;

/** Whether a bracket's text is a gender note: "m/w/d", "H/F", "all genders", "w/m/divers". */
function isNote(inner: string): boolean {
  // Most brackets are words such as "(Remote)": the first word says it is not a note.
  const head = /^\s*([^\s/|,.*:&+-]+)/.exec(inner)?.[1]?.toLowerCase();
  if (head === undefined || (head.length > 1 && !NOTE_WORDS.has(head) && !(/[^\x20-\x7e]/.test(head) && NOTE_WORDS.has(plain(head))))) return false;
  if (!NOTE_CHARS.test(inner)) return false;
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
