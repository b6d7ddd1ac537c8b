// A reason (src/core/reasons.ts) as the sentence `match` prints and `--json` gives in `reasons`.
import { bandText } from '../core/cards.js';
import { thousands } from '../core/numbers.js';
import type { NotALevelWhy, Reason } from '../core/reasons.js';

const q = (s: string) => `"${s}"`;
const yearsText = (n: number) => `${n} year${n === 1 ? '' : 's'}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;

const NOT_A_LEVEL: Record<NotALevelWhy, (other: string) => string> = {
  'opens-title': () => 'opens the title',
  'counts-what-follows': () => 'opens a part of the title and counts what follows',
  'after-count': (other) => `follows ${q(other)}: a count or a name`,
  'before-quantity': (other) => `comes before ${q(other)}: a quantity`,
};

export function reasonText(r: Reason): string {
  switch (r.kind) {
    case 'truncated':
      return `the title is ${thousands(r.length)} characters long: only the first ${r.read} are read`;
    case 'place':
      return `${q(r.place)} says where or how the job is done: not read`;
    case 'empty':
      return 'the title is empty';
    case 'read-as':
      return `read ${q(r.from)} as ${q(r.to)}${r.typo ? ' (typo)' : ''}${r.language ? ` (${r.language})` : ''}`;
    case 'not-a-level':
      return `${q(r.word)} ${NOT_A_LEVEL[r.why](r.other ?? '')}, not a level`;
    case 'part-of-role':
      return `${q(r.words)} is part of the role ${q(r.role)}, not a level marker`;
    case 'override':
      return `override: ${q(r.title)} is ${r.level}${r.family ? ` in ${r.family}` : ''} (overrides.yaml, line ${r.line})`;
    case 'company': {
      const same = r.said.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') === r.code.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
      const how = r.via === 'title' ? `${r.code} at ${r.name} gives the title ${q(r.said)}, of the same rank` : same ? `${r.code} at ${r.name}` : `${q(r.said)} is ${r.code} at ${r.name}`;
      const band = r.band === null ? `${r.level} (${r.levelName}) by the company's file` : `the ${r.band.toLowerCase()} band, ${r.level} (${r.levelName})`;
      const disputed = r.disputed ? `; some sources place it in the ${r.disputed.band.toLowerCase()} band, ${r.disputed.level}` : '';
      return `${how}: ${band}${disputed}`;
    }
    case 'company-code-over-rank':
      return `the code ${q(r.code)} decides over the title's rank${r.rank ? ` ${q(r.rank)}` : ''}, which says ${r.rankLevel}`;
    case 'company-none':
      return `no level code or title of ${r.name}'s in the title: the standard markers decide`;
    case 'marker':
      return `marker ${q(r.marker)} → ${r.level} ${r.levelName}${r.readOnTrack ? `, read on the ${r.readOnTrack} track` : ''}`;
    case 'outranks': {
      const loser = `${q(r.loser)} (${r.loserLevel})`;
      if (r.by === 'track') return `the ${r.track} marker ${q(r.winner)} outranks ${loser}`;
      if (r.by === 'word') return `the word marker ${q(r.winner)} outranks the numeral ${loser}`;
      return `also read ${loser}; the higher level wins`;
    }
    case 'years-fit':
      return r.fits
        ? `${yearsText(r.years)} ${r.years === 1 ? 'fits' : 'fit'} ${r.level}'s band (${bandText(r.band)})`
        : `${yearsText(r.years)} ${r.years === 1 ? 'is' : 'are'} outside ${r.level}'s band (${bandText(r.band)}); the marker wins, with lower confidence`;
    case 'level-hint':
      return `no level marker; the row's level hint ${q(r.value)} → ${r.level} ${r.levelName}`;
    case 'years-band':
      return `no level marker; ${yearsText(r.years)} ${r.years === 1 ? 'falls' : 'fall'} in ${r.level}'s band (${bandText(r.band)})`;
    case 'default-level': {
      const of = r.track === null ? 'a title of a known family' : `the ${r.track} track (O*NET Job Zone ${r.jobZone ?? (r.groupJobZone ? `unknown; ${r.groupJobZone} for its SOC group` : 'unknown')})`;
      return `no level marker and no years: ${r.level} is the default for ${of}`;
    }
    case 'family': {
      const from = r.role !== null ? `the role ${q(r.role)}${r.topic !== null ? ` and the topic ${q(r.topic)}` : ''}` : `the topic ${q(r.topic ?? '')}`;
      return `family ${r.family} (${r.name}) from ${from}`;
    }
    case 'family-given':
      return `family ${r.family} (${r.name}) given with --family`;
    case 'family-alternative':
      return `also names ${r.role !== null ? `the role ${q(r.role)}` : 'a role'} of ${r.family}: an alternative`;
    case 'no-family':
      if (r.why === 'other-role') return `no job family: ${q(r.role ?? '')} is a role of none of the ladder's families`;
      if (r.why === 'no-topic') return `no job family: ${q(r.role ?? '')}, with no topic to say of what`;
      if (r.why === 'outside-occupation') return `no job family: its topic is ${r.family}'s, but its occupation, ${r.occupation.code} ${r.occupation.title}, is none of the families'`;
      return 'no known job family in the title';
    case 'occupation':
      return r.via === 'title'
        ? `occupation ${r.code} ${r.title} (O*NET) from the title ${q(r.evidence)} read whole: the occupation ${percent(r.share)} of the titles read so are filed under`
        : `occupation ${r.code} ${r.title} (O*NET) from the words ${q(r.evidence)}, weighing most for it (${percent(r.share)} likely)`;
    case 'occupation-runners-up':
      return `runners-up: ${r.others.map((o) => `${o.code} ${o.title} (${percent(o.share)})`).join(', ')}`;
    case 'occupation-outside-family':
      return `occupation ${r.code} ${r.title} (O*NET), not one of ${r.family}'s: the title's words point to it`;
    case 'occupation-leads':
      return `occupation ${r.code} ${r.title} (O*NET): the title leads what its words name (${r.led.code} ${r.led.title}), so it is the managers' occupation of it`;
    case 'occupation-of-family':
      return `occupation ${r.code} ${r.title}, of those of ${r.family}, from the title's words`;
    case 'no-occupation':
      return 'no occupation: none of its words names one';
    case 'nothing':
      return 'nothing to go on: no known job family or occupation, no level marker and no years';
  }
}

export const reasonTexts = (reasons: readonly Reason[]): string[] => reasons.map(reasonText);
