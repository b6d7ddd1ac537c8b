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
    // A phrase of English words is read as its language's only in a title of that language.
    ['Desarrollador Semi Senior', 'P2', 'es'],
    ['Stage Sviluppatore Software', 'P1', 'it'],
    ['Stage Manager', 'M2', null],
    ['Senior Data Engineer', 'P3', null],
  ] as [string, string, string | null][])('%s is %s, read as %s', async (title, level, language) => {
    const r = await run(['match', title, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.match.level).toBe(level);
    expect(out.match.language).toBe(language);
  });

  // Every title that names an occupation gets one, on the track its Job Zone gives (a group's where O*NET has none).
  it.each([
    ['Busfahrer (m/w/d)', 'S2', '53-3052.00', 'de'],
    ['Pflegefachkraft', 'P2', '29-1141.00', 'de'],
    ['Infirmier H/F', 'P2', '29-1141.00', 'fr'],
    ['Cuisinier (H/F)', 'S2', '35-2014.00', 'fr'],
    ['Assistante administrative', 'S2', '43-6014.00', 'fr'],
    ['Enfermera', 'P2', '29-1141.00', 'es'],
    ['Técnico de enfermagem', 'P2', '29-2061.00', 'pt'],
    ['Operador de empilhadeira', 'S2', '53-7051.00', 'pt'],
    ['Infermiere', 'P2', '29-1141.00', 'it'],
    ['Verpleegkundige', 'P2', '29-1141.00', 'nl'],
    ['Pracownik produkcji', 'S2', '51-2090.00', 'pl'],
  ])('%s is %s, occupation %s (%s)', async (title, level, code, language) => {
    const out = JSON.parse((await run(['match', title, '--json'])).stdout);
    expect([out.match.level, out.match.occupation.code.slice(0, 6), out.match.language]).toEqual([level, code.slice(0, 6), language]);
  });

  it('reads a Polish "ds." as "for", not the data-science abbreviation', async () => {
    const out = JSON.parse((await run(['match', 'Specjalista ds. sprzedaży', '--json'])).stdout);
    expect(out.match.family).toBeNull();
    expect(out.reasons).toContain('read "Specjalista ds" as "specialist" (Polish)');
  });

  it('says which words of which language were read so, and leaves English titles alone', async () => {
    const de = JSON.parse((await run(['match', 'Praktikant', 'Softwareentwicklung', '--json'])).stdout);
    expect(de.reasons).toContain('read "Praktikant" as "intern" (German)');
    const en = JSON.parse((await run(['match', 'Senior Data Engineer', '--json'])).stdout);
    expect(en.match.language).toBeNull();
    expect(en.reasons.some((r: string) => r.includes('(German)') || r.includes('(Dutch)'))).toBe(false);
  });
});
