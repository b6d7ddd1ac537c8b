// Stage 5, track: a family's title is on the default track; an occupation's, on its Job Zone's
// (ladder.yaml `occupationTracks`: a cook's support track). A marker is read on that track: "Senior"
// is P3, and S3 on a track that reads P3 as S3.
import { findLevel } from '../cards.js';
import type { FamilyDef, LevelDef } from '../types.js';
import type { LadderIndex, OccupationPick } from './context.js';

export function trackOf(ix: LadderIndex, family: FamilyDef | null, occupation: OccupationPick | null): string {
  const zone = family === null ? jobZoneOf(occupation) : null;
  const track = zone === null || zone === undefined ? undefined : ix.ladder.occupationTracks[String(zone)];
  return track !== undefined && ix.tracks.has(track) ? track : ix.ladder.defaultTrack;
}

/** The Job Zone an occupation is levelled by: O*NET's, else its SOC group's; null when neither is known. */
export function jobZoneOf(occupation: OccupationPick | null): number | null {
  return occupation?.ref.jobZone ?? occupation?.record?.groupJobZone ?? null;
}

/** A marker's level read on `track`. */
export function onTrack(ix: LadderIndex, level: LevelDef, track: string): LevelDef {
  if (level.track === track) return level;
  const mapped = ix.tracks.get(track)?.readsMarkers[level.code];
  return (mapped !== undefined && findLevel(ix.ladder, mapped)) || level;
}
