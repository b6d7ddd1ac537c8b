// Stage 3, family: the job family a title names. The family follows the role a title names, not
// its topic. The first family role decides: a family's own role gives that family, unless a family
// that claims the role has a topic in the title ("Software Engineer, Machine Learning"); a shared
// head noun ("engineer") needs such a topic; a title naming only roles of no family ("Business
// Analyst, Data") gets none. With no role at all (a manager, a director, "Machine Learning II"),
// the family's topic decides: a specific one before a broad one, the longest, then the first. A
// second role's family is an alternative.
import { findFamily } from '../cards.js';
import { findHits, selectHits, type Hit } from '../phrases.js';
import type { Reason } from '../reasons.js';
import type { FamilyPick, LadderIndex, WorkToken } from './context.js';

export const NO_FAMILY: FamilyPick = { family: null, via: null, evidence: [], excluded: [] };

/** A specific topic outranks a broad one; then the longer; then the first. */
const outranks = (h: Hit, best: Hit) =>
  Number(!h.phrase.broad) - Number(!best.phrase.broad) > 0 ||
  (Boolean(h.phrase.broad) === Boolean(best.phrase.broad) && h.phrase.literalCount > best.phrase.literalCount);

/**
 * The best of `topics` of these families (not `but`), in the title's order; with `forClaim` false,
 * not a topic that only claims a role. A loop: this runs for every role of every title.
 */
function topicOf(topics: readonly Hit[], families: readonly string[], but: string | null = null, forClaim = true): Hit | null {
  let best: Hit | null = null;
  for (const h of topics) {
    const f = h.phrase.family!;
    if (f !== but && families.includes(f) && (forClaim || !h.phrase.claimOnly) && (best === null || outranks(h, best))) best = h;
  }
  return best;
}

/** The family of a title's words; `forced` (--family, or an override's) wins over them. */
export function pickFamily(ix: LadderIndex, tokens: WorkToken[], forced: string | null, reasons: Reason[]): FamilyPick {
  if (forced !== null) {
    const family = findFamily(ix.ladder, forced) ?? null;
    if (family) reasons.push({ kind: 'family-given', family: family.id, name: family.name });
    return { ...NO_FAMILY, family, via: family ? 'given' : null };
  }
  if (tokens.length === 0) return NO_FAMILY;
  const hits = selectHits(findHits(tokens, ix.lexicon.familyPhrases));
  const topics: Hit[] = [];
  const jobs: Hit[] = [];
  for (const h of hits) {
    if (h.phrase.kind === 'vocab') topics.push(h);
    else if (h.phrase.kind === 'job') jobs.push(h);
  }

  const decided: { family: string; job: Hit | null; topic: Hit | null }[] = [];
  for (const job of jobs) {
    const p = job.phrase;
    const claim = p.claimedBy ? topicOf(topics, p.claimedBy, p.family ?? null) : null;
    // A family may take the role over with another family's topic: research science takes "Scientist, ML".
    let lent: { family: string; topic: Hit } | null = null;
    if (claim === null && p.borrowed) {
      for (const b of p.borrowed) {
        const topic = b.family === p.family ? null : topicOf(topics, [b.topicsOf]);
        if (topic) {
          lent = { family: b.family, topic };
          break;
        }
      }
    }
    if (p.other && !claim && !lent) continue;
    const family = claim ? claim.phrase.family! : lent ? lent.family : (p.family ?? null);
    if (family !== null && !decided.some((d) => d.family === family)) decided.push({ family, job, topic: claim ?? lent?.topic ?? null });
  }
  // A role of no family ("business analyst", "sales") leaves a title without one, unless it also
  // names a family's role ("Marketing Data Analyst"): topics alone do not outweigh it.
  const other = decided.length === 0 ? jobs.find((h) => h.phrase.other) : undefined;
  if (other) {
    reasons.push({ kind: 'no-family', why: 'other-role', role: other.phrase.text });
    return NO_FAMILY;
  }
  if (decided.length === 0 && jobs.length === 0) {
    const topic = topicOf(topics, ix.ladder.families.map((f) => f.id), null, false);
    if (topic) decided.push({ family: topic.phrase.family!, job: null, topic });
  }
  if (decided.length === 0) {
    const job = jobs[0];
    reasons.push(job ? { kind: 'no-family', why: 'no-topic', role: job.phrase.text } : { kind: 'no-family', why: 'none', role: null });
    return NO_FAMILY;
  }
  const [first, ...others] = decided.map((d) => ({ ...d, def: findFamily(ix.ladder, d.family)! }));
  reasons.push({ kind: 'family', family: first!.def.id, name: first!.def.name, role: first!.job?.phrase.text ?? null, topic: first!.topic?.phrase.text ?? null });
  for (const o of others) reasons.push({ kind: 'family-alternative', family: o.def.id, role: o.job?.phrase.text ?? null });
  return {
    family: first!.def,
    via: first!.job === null ? 'topic' : first!.topic !== null ? 'claim' : 'role',
    evidence: [...(first!.job?.used ?? []), ...(first!.topic?.used ?? [])],
    excluded: others.map((o) => o.def),
  };
}
