// The shape of the ladder files, as valibot schemas. The types of the whole program derive from
// here, so the data format is described exactly once.
import * as v from 'valibot';
import type { Dimensions } from './contract.js';
import { ONET_CODE } from './soc.js';

export const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/**
 * A mapping with exactly these fields. Unlike v.strictObject, which stops at the first unknown key,
 * every unknown key is an issue of its own, so `validate` lists them all at once.
 */
export const closed = <E extends v.ObjectEntries>(entries: E) =>
  v.pipe(
    v.looseObject(entries),
    v.rawCheck(({ dataset, addIssue }) => {
      if (typeof dataset.value !== 'object' || dataset.value === null) return;
      for (const key of Object.keys(dataset.value)) {
        if (!(key in entries)) addIssue({ message: 'unknown field', path: [{ type: 'object', origin: 'key', input: dataset.value as Record<string, unknown>, key, value: (dataset.value as Record<string, unknown>)[key] }] });
      }
    }),
    v.transform((value) => value as v.InferOutput<v.ObjectSchema<E, undefined>>),
  );
const textList = v.array(text);

// Numerals may be written bare in YAML (`numerals: [II, 2]`); a number is read as its digits.
const marker = v.union(
  [
    text,
    v.pipe(v.number(), v.transform(String)),
    closed({ phrase: text, leading: v.optional(v.boolean(), false) }),
  ],
  'must be a word or phrase, or {phrase, leading}',
);

export const DimensionsSchema = closed({
  scope: text,
  autonomy: text,
  complexity: text,
  impact: text,
  decisionRights: text,
  leadership: text,
  typicalExperience: text,
});

export const LevelSchema = closed({
  code: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be a short code such as P1')),
  name: text,
  track: text,
  years: closed({
    min: v.pipe(v.number(), v.minValue(0, 'must be 0 or more')),
    max: v.optional(v.pipe(v.number(), v.minValue(0, 'must be 0 or more'))),
  }),
  meaning: text,
  /** The level as it reads for any occupation on its track (a nurse, an accountant, a teacher). */
  dimensions: DimensionsSchema,
  /** Where the families' cards read otherwise (technical families: components, design choices), those fields; the rest are `dimensions`'. */
  familyDimensions: v.optional(
    closed({
      scope: v.optional(text),
      autonomy: v.optional(text),
      complexity: v.optional(text),
      impact: v.optional(text),
      decisionRights: v.optional(text),
      leadership: v.optional(text),
      typicalExperience: v.optional(text),
    }),
  ),
  markers: closed({
    words: v.optional(v.array(marker), []),
    numerals: v.optional(v.array(marker), []),
  }),
});

export const TrackSchema = closed({
  id: text,
  name: text,
  priority: v.pipe(v.number(), v.integer('must be a whole number')),
  /** The level of a title on this track with no marker and no years; the ladder's defaultLevel when absent. */
  defaultLevel: v.optional(text),
  /** Other tracks' markers read as this track's levels ("Senior Cook" on the support track: P3 -> S3). */
  readsMarkers: v.optional(v.record(v.string(), text), {}),
  /** Its markers name a role ("Construction Manager"), so their words also find the occupation. */
  namesRole: v.optional(v.boolean(), false),
});

const factor = v.pipe(v.number(), v.minValue(0, 'must be from 0 to 1'), v.maxValue(1, 'must be from 0 to 1'));

// The settings below are the shipped ladder's data (data/ladder.yaml): a ladder of your own takes
// each one it leaves out from there (src/io/ladder.ts), so the values are written in one place.

/** How sure an answer is, by what decided it, and what lowers it. */
export const ConfidenceSchema = closed({
  /** Base confidence by what decided the level. */
  word: v.optional(factor),
  numeral: v.optional(factor),
  years: v.optional(factor),
  default: v.optional(factor),
  /** A level hint of the row's (batch --level-hint-column): a title with no marker is as sure as this. */
  hint: v.optional(factor),
  /** Multipliers. */
  typo: v.optional(factor),
  noFamily: v.optional(factor),
  outrankedTrack: v.optional(factor),
  outrankedNumeral: v.optional(factor),
  conflictingMarkers: v.optional(factor),
  /** Years outside a marker's band: within a year, within three, further. */
  yearsNear: v.optional(factor),
  yearsOff: v.optional(factor),
  yearsFar: v.optional(factor),
  /** Alternatives, as a share of the answer's confidence. */
  alternativeMarker: v.optional(factor),
  alternativeYears: v.optional(factor),
  alternativeYearsAlone: v.optional(factor),
  alternativeNeighbour: v.optional(factor),
  alternativeFamily: v.optional(factor),
  /** A title of no family with an O*NET occupation is as sure as this plus the rest times the occupation's probability. */
  occupationBase: v.optional(factor),
  /** Under this, an answer counts as of low confidence (batch's summary, triage). */
  low: v.optional(factor),
  /** A company's level (--company): read from its code in the title, or from a title the company gives. */
  companyCode: v.optional(factor),
  companyTitle: v.optional(factor),
  /** Times this where the company's sources place the level in two bands. */
  companyDisputed: v.optional(factor),
});

/** Words around a numeral that make it a count or a name, not a level. */
export const CountsSchema = closed({
  /** "x 2", "Top 5", "Day 1". */
  before: v.optional(textList),
  /** "3 years", "2 positions". */
  after: v.optional(textList),
});

/** How the occupation stage weighs a family's title against other occupations. */
export const OccupationChoiceSchema = closed({
  /** An occupation outside the family's wins when the words make it at least this likely. */
  outsideFamily: v.optional(factor),
  /** Another of the family's occupations wins when the words make it this many times as likely as the first. */
  familyOdds: v.optional(v.pipe(v.number(), v.minValue(1, 'must be 1 or more'))),
  /** SOC major groups ("11") of managers' occupations: a title takes one only with a manager's marker. */
  managementGroups: v.optional(v.array(v.pipe(v.string(), v.regex(/^\d\d$/, 'must be a SOC major group of two digits, such as 11')))),
  /** Markers of those who lead a function (chief, president, general counsel): such a title takes the managers' occupation of it. */
  leaders: v.optional(textList),
  /** The managers' occupation of each field, by SOC prefix ("29": 11-9111.00, "13-2": 11-3031.00): what a title that leads one is. */
  managersOf: v.optional(v.record(v.pipe(v.string(), v.regex(/^\d\d(-\d{1,4})?$/, 'must be a SOC code or its start, such as 29 or 13-2')), v.pipe(v.string(), v.regex(/^11-\d{4}\.\d\d$/, 'must be the O*NET code of a managers\' occupation, such as 11-9111.00')))),
});

/** A language's code: ISO 639-1, two lower-case letters ("de", "pt"). */
export const LanguageCode = v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be an ISO 639-1 language code of two lower-case letters, such as de'));

/** Words of one language, each read as its English twin: "praktikant: intern" is on the level "intern" is. */
export const LanguageSchema = closed({
  name: text,
  words: v.optional(v.record(v.string(), text), {}),
});

export const LadderFileSchema = closed({
  version: v.literal(1, 'must be 1'),
  tracks: v.pipe(v.array(TrackSchema), v.minLength(1, 'needs at least one track')),
  defaultTrack: text,
  defaultLevel: text,
  aliases: v.optional(v.record(v.string(), text), {}),
  roleNouns: v.optional(textList, []),
  /** Roles of no family ("business analyst", "attorney"): a title naming one first has no family. */
  otherRoles: v.optional(textList, []),
  counts: v.optional(CountsSchema, {}),
  confidence: v.optional(ConfidenceSchema, {}),
  occupationChoice: v.optional(OccupationChoiceSchema, {}),
  /** The track of an O*NET occupation, by its Job Zone (1-5): "1: support". The default track otherwise. */
  occupationTracks: v.optional(v.record(v.string(), text), {}),
  /** What the values of a seniority column mean (batch --level-hint-column): "SE: P3", "executive: M4". */
  levelHints: v.optional(v.record(v.string(), text), {}),
  /** Other languages: their rank and management words, read as the English words they stand for. */
  languages: v.optional(v.record(LanguageCode, LanguageSchema), {}),
  levels: v.pipe(v.array(LevelSchema), v.minLength(1, 'needs at least one level')),
});

export const CardSchema = closed({
  role: text,
  summary: text,
  tasks: textList,
  skills: textList,
  qualifications: textList,
  commonTitles: textList,
  pay: v.optional(text),
});

export const FamilyFileSchema = closed({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, such as ai-ml')),
  name: text,
  soc: v.optional(closed({ code: text, title: text, inferred: v.optional(v.boolean(), false) })),
  /**
   * Other O*NET occupations its titles are filed under ("QA Engineer": Software Quality Assurance
   * Analysts and Testers): the occupation stage's vote picks one of these or the soc above.
   */
  occupations: v.optional(v.array(closed({ code: v.pipe(text, v.regex(ONET_CODE, 'must be an O*NET-SOC code such as 15-1253.00')), title: text })), []),
  /** The family's roles, named outright: "data scientist", "site reliability engineer". */
  roles: v.optional(textList, []),
  /** Roles its topics take over when the title names one of them: "engineer", "software engineer". */
  claims: v.optional(
    v.array(
      v.union(
        [text, closed({ role: text, topicsOf: v.array(text) })],
        'must be a role, or {role, topicsOf}: a role it takes over with its own topics or those of the families named',
      ),
    ),
    [],
  ),
  /** The family's topics: they choose between families that share a role, and place titles that name no role. */
  vocabulary: v.pipe(textList, v.minLength(1, 'needs at least one word or phrase')),
  /** Topics that only take over a claimed role ("technical" for "Program Manager (Technical)"), never place a title alone. */
  claimTopics: v.optional(textList, []),
  /** Broad topics ("engineering"): they place a title only when no other family's topic is in it. */
  broadTopics: v.optional(textList, []),
  aliases: v.optional(v.record(v.string(), text), {}),
  /** The family's roles in other languages, by language, each read as its English role ("de: {softwareentwickler: software developer}"). */
  languages: v.optional(v.record(LanguageCode, v.record(v.string(), text)), {}),
  pay: v.optional(text),
  cards: v.record(v.string(), CardSchema),
});

/** The contract's Dimensions (src/core/contract.ts) are what the schema reads: checked here, both ways. */
type SchemaDimensions = v.InferOutput<typeof DimensionsSchema>;
type Same<A, B> = [A, B] extends [B, A] ? true : false;
const dimensionsMatch: Same<SchemaDimensions, Dimensions> = true;
void dimensionsMatch;
export type LevelDef = v.InferOutput<typeof LevelSchema>;
export type TrackDef = v.InferOutput<typeof TrackSchema>;
/** A ladder file as written: its settings may leave values out. */
export type LadderFileInput = v.InferOutput<typeof LadderFileSchema>;

/** The settings a ladder inherits from the shipped ladder where its own file leaves them out. */
export interface LadderSettings {
  confidence: Required<v.InferOutput<typeof ConfidenceSchema>>;
  counts: Required<v.InferOutput<typeof CountsSchema>>;
  occupationChoice: Required<v.InferOutput<typeof OccupationChoiceSchema>>;
}
export const SETTINGS = ['confidence', 'counts', 'occupationChoice'] as const;

/** A ladder file with every setting filled in. */
export type LadderFile = Omit<LadderFileInput, keyof LadderSettings> & LadderSettings;
export type CardDef = v.InferOutput<typeof CardSchema>;
export type FamilyDef = v.InferOutput<typeof FamilyFileSchema>;
export type MarkerDef = LevelDef['markers']['words'][number];
