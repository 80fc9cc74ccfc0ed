import { describe, expect, it } from 'vitest';
import { messages } from './messages';

describe('head office counts', () => {
  it('agree with their number in French, where 0 and 1 are singular', () => {
    expect(messages.fr.totalPlays(0)).toBe('0 diffusion terminée');
    expect(messages.fr.totalPlays(1)).toBe('1 diffusion terminée');
    expect(messages.fr.totalPlays(2)).toBe('2 diffusions terminées');
    expect(messages.fr.unfinished(1)).toBe('1 commencée sans fin reçue');
  });

  it('agree with their number in English', () => {
    expect(messages.en.totalPlays(1)).toBe('1 completed play');
    expect(messages.en.totalPlays(0)).toBe('0 completed plays');
  });
});
