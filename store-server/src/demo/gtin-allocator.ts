// Hands out unique, valid GTINs the way GS1 France would: 376 + a 4-digit
// company number forms a 7-digit company prefix, leaving a 5-digit item
// reference (100,000 codes). Each brand gets its own company block and a
// fresh block when one runs out, so a brand's codes share a prefix.
import { makeGtin13 } from '@vitrine/shared/core';

const GS1_FRANCE = '376';
const FIRST_COMPANY = 4100;
const LAST_COMPANY = 9999;
const ITEMS_PER_BLOCK = 100_000;

interface Block {
  company: number;
  used: number;
}

export class GtinAllocator {
  private readonly blocks = new Map<string, Block>();
  private nextCompany = FIRST_COMPANY;

  /** A new GTIN-14 ('0' + GTIN-13) from the brand's company block. */
  next(brand: string): string {
    let block = this.blocks.get(brand);
    if (!block || block.used >= ITEMS_PER_BLOCK) {
      if (this.nextCompany > LAST_COMPANY) throw new Error('demo generator: GTIN blocks exhausted');
      block = { company: this.nextCompany++, used: 0 };
      this.blocks.set(brand, block);
    }
    const item = String(block.used++).padStart(5, '0');
    return `0${makeGtin13(`${GS1_FRANCE}${block.company}${item}`)}`;
  }

  /** The 7-digit company prefix of a brand, once it has codes. */
  companyPrefixOf(brand: string): string | undefined {
    const block = this.blocks.get(brand);
    return block ? `${GS1_FRANCE}${block.company}` : undefined;
  }
}
