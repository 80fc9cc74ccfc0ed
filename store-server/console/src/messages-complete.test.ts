// Every console's words exist in both languages (types check the shape; this
// also catches a dictionary cast or built at run time).
import { describe, expect, it } from 'vitest';
import { missingKeys } from '@vitrine/shared/core';
import { messages as expert } from './expert/messages';
import { feedbackMessages } from './head-office/feedback/feedback-messages';
import { messages as headOffice } from './head-office/messages';
import { catalogueMessages } from './staff/catalogue-messages';
import { messages as staff } from './staff/messages';

describe('console texts are complete in French and English', () => {
  it.each([
    ['staff', staff],
    ['expert', expert],
    ['head office', headOffice],
    ['head office feedback', feedbackMessages],
    ['staff catalogue', catalogueMessages],
  ] as const)('%s', (_name, module) => {
    expect(missingKeys(module)).toEqual([]);
  });
});
