import { describe, expect, it } from 'vitest';
import { adviseSize } from './advise';
import { BodyMeasurements, MeasurementsMessage, type SizeChart } from './size-chart';

const letters: SizeChart = {
  brand: 'Rivage',
  system: 'letters',
  rows: [
    { size: 'S', chest: [84, 91], waist: [68, 75] },
    { size: 'M', chest: [92, 99], waist: [76, 83] },
    { size: 'L', chest: [100, 107], waist: [84, 91] },
  ],
};
const offered = ['S', 'M', 'L'];

describe('adviseSize', () => {
  it('advises the size whose ranges hold every measure', () => {
    expect(
      adviseSize({ chart: letters, measurements: { chest: 95, waist: 80 }, offeredSizes: offered }),
    ).toEqual({
      kind: 'size',
      size: 'M',
      fit: 'in',
      basedOn: ['chest', 'waist'],
      offered: true,
    });
  });

  it('takes the larger size when measures disagree, and says so', () => {
    const advice = adviseSize({
      chart: letters,
      measurements: { chest: 95, waist: 86 },
      offeredSizes: offered,
    });
    expect(advice).toMatchObject({ kind: 'size', size: 'L', fit: 'between' });
  });

  it('says when the brand has no chart instead of inventing one', () => {
    expect(
      adviseSize({ chart: undefined, measurements: { chest: 95 }, offeredSizes: offered }),
    ).toEqual({
      kind: 'no-chart',
    });
  });

  it('asks for the measures the chart uses when none is given', () => {
    expect(
      adviseSize({ chart: letters, measurements: { hips: 100 }, offeredSizes: offered }),
    ).toEqual({
      kind: 'need-measurements',
      measures: ['chest', 'waist'],
    });
  });

  it('refuses to advise for a body outside the chart', () => {
    expect(
      adviseSize({ chart: letters, measurements: { chest: 130 }, offeredSizes: offered }),
    ).toEqual({
      kind: 'outside-chart',
      measures: ['chest'],
    });
  });

  it('rounds up just past the largest range only within the tolerance', () => {
    expect(
      adviseSize({ chart: letters, measurements: { chest: 108.5 }, offeredSizes: offered }),
    ).toMatchObject({
      kind: 'size',
      size: 'L',
      fit: 'between',
    });
  });

  it('flags an advised size this garment is not made in', () => {
    expect(
      adviseSize({ chart: letters, measurements: { chest: 86 }, offeredSizes: ['M', 'L'] }),
    ).toMatchObject({
      size: 'S',
      offered: false,
    });
  });

  it('needs no advice for a one-size garment', () => {
    expect(adviseSize({ chart: undefined, measurements: {}, offeredSizes: ['TU'] })).toEqual({
      kind: 'one-size',
    });
  });
});

describe('measurement schemas', () => {
  it('refuses implausible or unknown measures', () => {
    expect(BodyMeasurements.safeParse({ chest: 12 }).success).toBe(false);
    expect(BodyMeasurements.safeParse({ shoeSize: 42 }).success).toBe(false);
    expect(
      MeasurementsMessage.safeParse({
        v: 1,
        type: 'measurements',
        source: 'Body scanner',
        at: '2026-11-23T10:00:00.000Z',
        measurements: { chest: 96, waist: 80 },
      }).success,
    ).toBe(true);
  });
});
