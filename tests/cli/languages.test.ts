import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

describe('titles in other languages', () => {
  it.each([
    ['Praktikant Softwareentwicklung (m/w/d)', 'P1', 'de'],
    ['Werkstudent Data Science (m/w/d)', 'P1', 'de'],
    ['Desenvolvedor(a) Pleno', 'P2', 'pt'],
    ['Analista de Sistemas Sênior', 'P3', 'pt'],
    ['Starszy Programista Java', 'P3', 'pl'],
    ['Teamleiter Vertrieb', 'M1', 'de'],
    ['Développeur confirmé', 'P2', 'fr'],
    ['Kellner/in (m/w/d)', 'S2', 'de'],
    ['Magazijnmedewerker', 'S2', 'nl'],
    ['Lagermitarbeiter', 'S2', 'de'],
    ['Doktorand Machine Learning', 'P1', 'de'],
  ])('%s is %s, read as %s', async (title, level, language) => {
    const r = await run(['match', title, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.match.level).toBe(level);
    expect(out.match.language).toBe(language);
  });

  it('says which words of which language were read so, and leaves English titles alone', async () => {
    const de = JSON.parse((await run(['match', 'Praktikant', 'Softwareentwicklung', '--json'])).stdout);
    expect(de.reasons).toContain('read "Praktikant" as "intern" (German)');
    const en = JSON.parse((await run(['match', 'Senior Data Engineer', '--json'])).stdout);
    expect(en.match.language).toBeNull();
    expect(en.reasons.some((r: string) => r.includes('(German)') || r.includes('(Dutch)'))).toBe(false);
  });
});
