import { describe, expect, it } from 'vitest';
import { withoutGenderForms } from '../../src/core/gender.js';
import { tokenize } from '../../src/core/normalize.js';

/** The words a title is read as, once its gender forms are read away. */
const words = (title: string) =>
  tokenize(withoutGenderForms(title))
    .map((t) => t.text)
    .join(' ');

describe('gender forms are read away, in every language', () => {
  it.each([
    // German
    ['de', 'Kellner/in (m/w/d)', 'kellner'],
    ['de', 'Softwareentwickler (w/m/d)', 'softwareentwickler'],
    ['de', 'Entwickler/-in Backend', 'entwickler backend'],
    ['de', 'Mitarbeiter*in Lager', 'mitarbeiter lager'],
    ['de', 'Analyst:in Controlling', 'analyst controlling'],
    ['de', 'Sachbearbeiter_in', 'sachbearbeiter'],
    ['de', 'EntwicklerIn Java', 'entwickler java'],
    ['de', 'Koch/Köchin', 'koch'],
    ['de', 'Data Engineer (m/w/divers)', 'data engineer'],
    ['de', 'Data Analyst (alle Geschlechter)', 'data analyst'],
    ['de', 'Koch m/w/d in Vollzeit', 'koch in vollzeit'],
    // French
    ['fr', 'Cuisinier (H/F)', 'cuisinier'],
    ['fr', 'Développeur F/H - CDI', 'developpeur cdi'],
    ['fr', 'Infirmier/ère', 'infirmier'],
    ['fr', 'Serveur(se)', 'serveur'],
    ['fr', 'Technicien/ne de maintenance', 'technicien de maintenance'],
    ['fr', 'Directeur/Directrice commercial', 'directeur commercial'],
    ['fr', 'Vendeur/Vendeuse', 'vendeur'],
    // Spanish
    ['es', 'Programador/a Java', 'programador java'],
    ['es', 'Camarero/a (h/m)', 'camarero'],
    ['es', 'Ingeniero/a de datos', 'ingeniero de datos'],
    // Portuguese
    ['pt', 'Desenvolvedor(a) Pleno', 'desenvolvedor pleno'],
    ['pt', 'Analista de Dados (m/f)', 'analista de dados'],
    // Italian
    ['it', 'Impiegato/a amministrativo/a', 'impiegato amministrativo'],
    ['it', 'Sviluppatore (m/f/x)', 'sviluppatore'],
    // Dutch
    ['nl', 'Magazijnmedewerker (m/v/x)', 'magazijnmedewerker'],
    ['nl', 'Medewerker (m/v)', 'medewerker'],
    // Polish
    ['pl', 'Specjalista / Specjalistka ds. Kadr', 'specjalista ds kadr'],
    ['pl', 'Księgowy/Księgowa', 'ksiegowy'],
    ['pl', 'Kierownik / Kierowniczka zmiany', 'kierownik zmiany'],
    ['pl', 'Programista (k/m)', 'programista'],
    // English
    ['en', 'Software Engineer (all genders)', 'software engineer'],
    ['en', 'Data Engineer (m/f/d) - Remote', 'data engineer remote'],
  ])('%s: %s', (_lang, title, read) => {
    expect(words(title)).toBe(read);
  });

  it.each([
    ['Hardware Engineer (H/W)', 'hardware engineer h w'],
    ['Engineer H/W', 'engineer h w'],
    ['M/E Engineer', 'm e engineer'],
    ['LinkedIn Engineer', 'linkedin engineer'],
    ['Developer / Development Lead', 'developer development lead'],
    ['Engineer (I)', 'engineer i'],
    ['Engineer (V)', 'engineer v'],
    ['Manager (D&I)', 'manager d i'],
    ['AI/ML Engineer', 'ai ml engineer'],
    ['UX/UI Designer', 'ux ui designer'],
    ['Frontend/Backend Engineer', 'frontend backend engineer'],
    ['Engineer/Engineering Manager', 'engineer engineering manager'],
  ])('leaves what is not a gender form: %s', (title, read) => {
    expect(words(title)).toBe(read);
  });

  it('keeps the parts of a title apart where a note stood', () => {
    const parts = (t: string) => new Set(tokenize(withoutGenderForms(t)).map((x) => x.seg)).size;
    expect(parts('Manager Digital Compliance')).toBe(1);
    expect(parts('Manager (w/m/d) Digital Compliance')).toBe(2);
  });

  it('returns a title without those characters as it is', () => {
    const t = 'Senior Software Engineer';
    expect(withoutGenderForms(t)).toBe(t);
  });
});
