// The shape of the ladder files, as valibot schemas. The types of the whole program derive from
// here, so the data format is described exactly once.
import * as v from 'valibot';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const textList = v.array(text);

// Numerals may be written bare in YAML (`numerals: [II, 2]`); a number is read as its digits.
const marker = v.union(
  [
    text,
    v.pipe(v.number(), v.transform(String)),
    v.strictObject({ phrase: text, leading: v.optional(v.boolean(), false) }),
  ],
  'must be a word or phrase, or {phrase, leading}',
);

export const DimensionsSchema = v.strictObject({
  scope: text,
  autonomy: text,
  complexity: text,
  impact: text,
  decisionRights: text,
  leadership: text,
  typicalExperience: text,
});

export const LevelSchema = v.strictObject({
  code: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be a short code such as P1')),
  name: text,
  track: text,
  years: v.strictObject({
    min: v.pipe(v.number(), v.minValue(0, 'must be 0 or more')),
    max: v.optional(v.pipe(v.number(), v.minValue(0, 'must be 0 or more'))),
  }),
  meaning: text,
  dimensions: DimensionsSchema,
  markers: v.strictObject({
    words: v.optional(v.array(marker), []),
    numerals: v.optional(v.array(marker), []),
  }),
});

export const TrackSchema = v.strictObject({
  id: text,
  name: text,
  priority: v.pipe(v.number(), v.integer('must be a whole number')),
});

export const LadderFileSchema = v.strictObject({
  version: v.literal(1, 'must be 1'),
  tracks: v.pipe(v.array(TrackSchema), v.minLength(1, 'needs at least one track')),
  defaultTrack: text,
  defaultLevel: text,
  aliases: v.optional(v.record(v.string(), text), {}),
  roleNouns: v.optional(textList, []),
  levels: v.pipe(v.array(LevelSchema), v.minLength(1, 'needs at least one level')),
});

export const CardSchema = v.strictObject({
  role: text,
  summary: text,
  tasks: textList,
  skills: textList,
  qualifications: textList,
  commonTitles: textList,
  pay: v.optional(text),
});

export const FamilyFileSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, such as ai-ml')),
  name: text,
  soc: v.optional(v.strictObject({ code: text, title: text, inferred: v.optional(v.boolean(), false) })),
  vocabulary: v.pipe(textList, v.minLength(1, 'needs at least one word or phrase')),
  aliases: v.optional(v.record(v.string(), text), {}),
  excludes: v.optional(textList, []),
  pay: v.optional(text),
  cards: v.record(v.string(), CardSchema),
});

export type Dimensions = v.InferOutput<typeof DimensionsSchema>;
export type LevelDef = v.InferOutput<typeof LevelSchema>;
export type TrackDef = v.InferOutput<typeof TrackSchema>;
export type LadderFile = v.InferOutput<typeof LadderFileSchema>;
export type CardDef = v.InferOutput<typeof CardSchema>;
export type FamilyDef = v.InferOutput<typeof FamilyFileSchema>;
export type MarkerDef = LevelDef['markers']['words'][number];
