import { describe, expect, it } from 'vitest';
import { MASKS, maskPersonalData, screenQuestion } from './question-guard';

describe('maskPersonalData', () => {
  it('masks e-mails, phone numbers as people write them, card numbers and IBANs', () => {
    expect(maskPersonalData('écrivez-moi à marie.dupont+shop@exemple.fr svp')).toBe(
      `écrivez-moi à ${MASKS.email} svp`,
    );
    expect(maskPersonalData('mon numéro 06 12 34 56 78')).toBe(`mon numéro ${MASKS.phone}`);
    expect(maskPersonalData('call +44 (0)20 7946 0958 please')).toBe(`call ${MASKS.phone} please`);
    expect(maskPersonalData('carte 4970 1012 3456 7890 refusée')).not.toContain('4970');
    // A 16-digit number passing Luhn is a card; the mark says so.
    expect(maskPersonalData('card 4539-1488-0343-6467')).toBe(`card ${MASKS.card}`);
    expect(maskPersonalData('IBAN FR76 3000 6000 0112 3456 7890 189')).toBe(`IBAN ${MASKS.iban}`);
  });

  it('leaves what a shop question holds: prices, sizes, references, years', () => {
    for (const text of [
      'vous l’avez en 42 ?',
      'un chargeur USB-C 65 W',
      'moins de 150 €',
      'jean W32 L34',
      'garantie 2 ans depuis 2024',
      'SSD 512 Go',
    ])
      expect(maskPersonalData(text)).toBe(text);
  });
});

describe('screenQuestion', () => {
  it('refuses insults in French and English', () => {
    expect(screenQuestion('tu es un connard')).toBe('abuse');
    expect(screenQuestion('putain de borne')).toBe('abuse');
    expect(screenQuestion('fuck this')).toBe('abuse');
  });

  it('lets through what shops sell and say, even when a list of insults holds the word', () => {
    expect(screenQuestion('when does the sale start')).toBe('ok');
    expect(screenQuestion('avez-vous de l’andouille de Guémené ?')).toBe('ok');
    expect(screenQuestion('Le magasin ouvre à quelle heure s’il vous plaît ?')).toBe('ok');
    expect(screenQuestion('un câble USB-C pour cet ordi')).toBe('ok');
  });

  it('calls keyboard mashing and empty input nonsense', () => {
    for (const text of ['asdfgh', 'qqqq', 'azertyuiop', '???', '...', '', 'zxcvb hjkl'])
      expect(screenQuestion(text)).toBe('nonsense');
    expect(screenQuestion('wifi')).toBe('ok');
    expect(screenQuestion('XXL')).toBe('ok');
  });
});
