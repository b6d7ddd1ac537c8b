// The shape of company ladders (data/companies/*.yaml) and of the market's bands they map to
// (data/companies/bands.yaml), as valibot schemas: the company types derive from here.
import * as v from 'valibot';
import { closed, text } from './schema.js';

const years = closed({
  min: v.pipe(v.number(), v.minValue(0, 'must be 0 or more')),
  max: v.optional(v.pipe(v.number(), v.minValue(0, 'must be 0 or more'))),
});

/** A source's key in the file's `sources` (a short name such as levels-fyi). */
const sourceKey = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a source key such as levels-fyi (lower case, digits, -)'));

/** A level code as a company writes it: "L5", "E5", "SDE II", "62", "ICT4", "Band 62". */
const code = v.pipe(
  v.union([text, v.pipe(v.number(), v.transform(String))], 'must be a code such as L5 or 62'),
  v.maxLength(40, 'must be a short code (40 characters at most)'),
);

export const CompanyLevelSchema = closed({
  code,
  /** Other codes the same level is written with (Meta's E5 is also IC5). */
  also: v.optional(v.array(code), []),
  /** The titles the company gives at this level ("Senior Software Engineer"). */
  titles: v.optional(v.array(text), []),
  track: v.picklist(['ic', 'management'], 'must be ic or management'),
  /** The market band (bands.yaml) the sources place it in; or `level`, a level of the ladder, for a ladder's own mapping. */
  band: v.optional(text),
  level: v.optional(text),
  years: v.optional(years),
  sources: v.optional(v.array(sourceKey), []),
  /** Another band some sources give, with theirs: the level is then less sure. */
  disputed: v.optional(closed({ band: text, sources: v.array(sourceKey) })),
});

export const CompanyFileSchema = closed({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id such as google (lower case, digits, -)')),
  name: text,
  aliases: v.optional(v.array(text), []),
  /** Where the facts come from: key -> a URL or a repository path. */
  sources: v.optional(v.record(sourceKey, text), {}),
  levels: v.pipe(v.array(CompanyLevelSchema), v.minLength(1, 'must list at least one level')),
});

export const BandSchema = closed({
  id: sourceKey,
  name: text,
  track: v.picklist(['ic', 'management'], 'must be ic or management'),
  years: v.optional(years),
  /** A title that carries the band's marker: the band's level is the one the ladder's markers read in it. */
  reads: text,
});

export const BandsFileSchema = closed({
  bands: v.pipe(v.array(BandSchema), v.minLength(1, 'must list at least one band')),
});

export type CompanyFile = v.InferOutput<typeof CompanyFileSchema>;
export type CompanyLevelDef = v.InferOutput<typeof CompanyLevelSchema>;
export type BandDef = v.InferOutput<typeof BandSchema>;
