// What a card and a match say, as labelled rows in reading order. The table and the plain-text
// renderers both draw from these, so the two never disagree on content or order.
import { oewsText, surveyText } from '../core/pay.js';
import type { Alternative, Card, MatchedCard, OccupationRef } from '../core/types.js';
import type { MatchJson } from './json.js';

export interface Row {
  /** Key in plain output (one `key<TAB>value` line per value). */
  key: string;
  /** Label in the table. */
  label: string;
  value: string | readonly string[];
  /** How a list reads in a table: one bullet a line, or run together. */
  list?: 'bullets' | 'inline';
}

export function socText(card: Card): string | null {
  if (!card.soc) return null;
  return `${card.soc.code} — ${card.soc.title}${card.soc.inferred ? ' (inferred)' : ''}`;
}

export function occupationText(o: OccupationRef): string {
  const zone = o.jobZone !== null && o.jobZone !== undefined ? `, Job Zone ${o.jobZone}` : '';
  return `${o.code} — ${o.title} (${o.source === 'family' ? "the family's" : `O*NET${zone}`})`;
}

/** "What it pays": the survey's figures for the level, OEWS's for the occupation, then the note. */
export function payLines(card: Pick<Card, 'pay' | 'marketPay'>): string[] {
  const lines: string[] = [];
  const m = card.marketPay;
  if (m?.survey) lines.push(surveyText(m.survey));
  if (m?.oews) lines.push(oewsText(m.oews));
  if (card.pay !== null) lines.push(card.pay);
  return lines;
}

export function identityRows(card: Card): Row[] {
  const rows: Row[] = [
    { key: 'level', label: 'Level', value: card.level },
    { key: 'level_name', label: 'Name', value: card.levelName },
    { key: 'track', label: 'Track', value: card.track },
  ];
  if (card.family !== null) rows.push({ key: 'family', label: 'Family', value: card.family });
  if (card.familyName !== null) rows.push({ key: 'family_name', label: 'Family name', value: card.familyName });
  if (card.role !== null) rows.push({ key: 'role', label: 'Role', value: card.role });
  return rows;
}

/**
 * The card's SOC line beside its occupation: none where it names the same occupation, the family's
 * group where it is another (a family's "15-0000 Computer & Mathematical Occupations", labelled as
 * the family's); the card's only occupation line where it has no occupation.
 */
function socRow(card: Card | MatchedCard, occupation: OccupationRef | null): Row | null {
  const text = socText(card);
  if (text === null) return null;
  if (occupation === null) return { key: 'soc', label: 'O*NET / SOC', value: text };
  if (occupation.code === card.soc!.code) return null;
  return { key: 'family_group', label: "Family's SOC group", value: text };
}

/** The card's occupation, where it has one: a match's, or a shown card's. */
const occupationOf = (card: Card | MatchedCard): OccupationRef | null => ('occupation' in card ? ((card as { occupation?: OccupationRef | null }).occupation ?? null) : null);

/** The card's one occupation answer, as a row. */
export function occupationRows(card: Card | MatchedCard): Row[] {
  const o = occupationOf(card);
  return o ? [{ key: 'occupation', label: 'Occupation', value: occupationText(o) }] : [];
}

export function cardRows(card: Card | MatchedCard, { pay = true }: { pay?: boolean } = {}): Row[] {
  const rows: Row[] = [];
  const add = (key: string, label: string, value: string | readonly string[] | null, list?: Row['list']) => {
    if (value === null || (typeof value !== 'string' && value.length === 0)) return;
    rows.push(list ? { key, label, value, list } : { key, label, value });
  };
  add('summary', 'Summary', card.summary);
  add('meaning', 'What this level means', card.meaning);
  const d = card.dimensions;
  add('scope', 'Scope', d.scope);
  add('autonomy', 'Autonomy', d.autonomy);
  add('complexity', 'Complexity', d.complexity);
  add('impact', 'Impact', d.impact);
  add('decision_rights', 'Decision rights', d.decisionRights);
  add('leadership', 'Leadership', d.leadership);
  add('typical_experience', 'Typical experience', d.typicalExperience);
  add('task', "What you'd do", card.tasks, 'bullets');
  add('skill', 'Skills, knowledge & tools', card.skills, 'inline');
  add('qualification', 'What good looks like', card.qualifications, 'bullets');
  add('common_title', 'Common titles', card.commonTitles, 'inline');
  if (pay) add('pay', 'What it pays', payLines(card), 'bullets');
  const soc = socRow(card, occupationOf(card));
  if (soc) rows.push(soc);
  return rows;
}

/**
 * A match in the order people read it: the level and role, the occupation, how sure and why, the
 * alternatives, what it pays; then the card. `brief`: only what fits a screen of 24 rows (the card's
 * meaning instead of the card).
 */
export function matchRows(result: MatchJson, { brief = false }: { brief?: boolean } = {}): Row[] {
  const m = result.match;
  if (m === null) return [];
  // --brief gives the pay's figures, not its note (the full card has it).
  const pay = brief ? payLines({ pay: null, marketPay: m.marketPay }) : payLines(m);
  return [
    ...identityRows(m),
    ...occupationRows(m),
    { key: 'confidence', label: 'Confidence', value: m.confidence.toFixed(2) },
    { key: 'reason', label: 'Why', value: result.reasons, list: 'bullets' },
    ...(result.alternatives.length > 0
      ? [{ key: 'alternative', label: 'Alternatives', value: (brief ? result.alternatives.slice(0, 2) : result.alternatives).map(altText), list: 'bullets' as const }]
      : []),
    ...(pay.length > 0 ? [{ key: 'pay', label: 'What it pays', value: pay, list: 'bullets' as const }] : []),
    ...(brief ? [{ key: 'meaning', label: 'Meaning', value: m.meaning }] : cardRows(m, { pay: false })),
  ];
}

export function altText(a: Alternative): string {
  const occupation = a.occupation ? ` ${a.occupation.code} ${a.occupation.title}` : '';
  return `${a.level} ${a.family ?? '(no family)'}${occupation} ${a.confidence.toFixed(2)}`;
}
