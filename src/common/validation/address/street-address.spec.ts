import { streetProblem } from './street-address.js';

describe('Streets as Soisy takes them', () => {
  it.each([
    'Via 20 Settembre', 'Corso 22 Marzo', 'Piazza 1° Maggio', 'Strada Statale 16 Adriatica', 'Via XX Settembre', 'Viale 4 Novembre',
    'Largo 2 Giugno', 'Via 25 Aprile', 'Via IV Novembre', 'Via Roma', 'Via dell\'Indipendenza', 'Corso Vittorio Emanuele II',
  ])('accepts the street %j, numbers in its name included', (street) => {
    expect(streetProblem(street, undefined)).toBeUndefined();
    expect(streetProblem(street, '12')).toBeUndefined();
  });

  it.each(['Strada Statale 16', 'SS 16', 'S.S. 16', 'Strada Provinciale 35', 'SP 35', 'Traversa 2', 'Via Nazionale km 12'])(
    'accepts the road %j, whose number is its name, without a civic number', (street) => {
      expect(streetProblem(street, undefined)).toBeUndefined();
    },
  );

  it.each(['Via Roma 12', 'Via Roma n. 12', 'Via Roma n.12', 'Via Roma nr 12', 'Via Roma n° 12', 'Via Roma 12/B', 'Via Roma 12B', 'Via Roma 12 bis', 'Via 20 Settembre 15', 'Corso 22 Marzo 3-5'])(
    'refuses %j with its civic number glued at the end while the civic-number field is empty', (street) => {
      expect(streetProblem(street, undefined)).toBe('civic_number_glued');
      expect(streetProblem(street, '  ')).toBe('civic_number_glued');
    },
  );

  it('leaves a trailing number alone once the civic number has its own, different value', () => {
    expect(streetProblem('Via Nazionale 1', '12')).toBeUndefined();
    expect(streetProblem('Strada Statale 16', '16')).toBeUndefined();
  });

  it.each([['Via Roma 12', '12'], ['Via Roma n. 12/B', '12/b'], ['Via Roma 12 bis', ' 12bis '], ['Via 20 Settembre 15', 'n. 15']])(
    'refuses %j when the civic-number field repeats its trailing number (%j)', (street, civic) => {
      expect(streetProblem(street, civic)).toBe('civic_number_repeated');
    },
  );

  it('does not count a number inside the street name as repeated', () => {
    expect(streetProblem('Via 20 Settembre', '20')).toBeUndefined();
  });

  it('refuses a comma, whatever follows it', () => {
    expect(streetProblem('Via Roma, 12', '12')).toBe('comma');
    expect(streetProblem('Via Roma, Milano', undefined)).toBe('comma');
  });

  it('refuses a street with no letters', () => {
    expect(streetProblem('12', '12')).toBe('no_street');
  });
});
