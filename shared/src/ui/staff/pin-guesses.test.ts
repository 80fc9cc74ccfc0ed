import { describe, expect, it } from 'vitest';
import { createPinGuesses, WRONG_PINS_BEFORE_WAIT } from './pin-guesses';

const MINUTE = 60_000;

describe('wrong staff PINs on a kiosk', () => {
  it('wait 1, 2, 4, 8, then 15 minutes after each run of five', () => {
    const guesses = createPinGuesses();
    let now = 0;
    const waits: number[] = [];
    for (let run = 0; run < 6; run++) {
      for (let i = 1; i < WRONG_PINS_BEFORE_WAIT; i++) expect(guesses.wrong(now)).toBe(0);
      const wait = guesses.wrong(now);
      waits.push(wait / MINUTE);
      expect(guesses.waitLeft(now + wait - 1)).toBe(1);
      now += wait;
      expect(guesses.waitLeft(now)).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it('start again from the first wait after the right PIN', () => {
    const guesses = createPinGuesses();
    for (let i = 0; i < 2 * WRONG_PINS_BEFORE_WAIT; i++) guesses.wrong(10 * MINUTE * i);
    guesses.right();
    expect(guesses.waitLeft(0)).toBe(0);
    for (let i = 1; i < WRONG_PINS_BEFORE_WAIT; i++) guesses.wrong(0);
    expect(guesses.wrong(0)).toBe(MINUTE);
  });
});
