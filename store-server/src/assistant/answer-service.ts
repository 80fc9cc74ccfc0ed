// The store's answer engine over its own catalogue and FAQ (SQLite), built when
// first asked and again after either changes: a price or stock change leaves it
// as it is. Building reads every product once (about 1 s for 20,000).
import { AnswerEngine } from '@vitrine/shared/assistant';
import type { FaqEntry, Product } from '@vitrine/shared/core';
import type { DocStore } from '../sync/doc-store';

export class AnswerService {
  private engine: AnswerEngine | undefined;
  private readonly stopListening: () => void;

  constructor(private readonly docs: DocStore) {
    this.stopListening = docs.onChange((change) => {
      // A change too large to list its documents may hold either.
      if (
        change.docs.length === 0 ||
        change.docs.some((doc) => doc.c === 'faq' || doc.c === 'products')
      )
        this.engine = undefined;
    });
  }

  current(): AnswerEngine {
    this.engine ??= new AnswerEngine(
      this.docs.all<FaqEntry>('faq'),
      this.docs.all<Product>('products'),
    );
    return this.engine;
  }

  product(id: string): Product | undefined {
    return this.docs.get<Product>('products', id);
  }

  close(): void {
    this.stopListening();
  }
}
