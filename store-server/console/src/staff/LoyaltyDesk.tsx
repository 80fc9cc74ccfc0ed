// At the till: scan or type a member card (or find the member by name), scan
// the basket, see the best perks with the reason for each, redeem them once.
import { useState, type FormEvent } from 'react';
import type { BasketEntry, MemberView, OptimiseAnswer, Receipt } from '@vitrine/shared/core';
import { isLoyaltyCardCode } from '@vitrine/shared/scan';
import { refusal } from '../common/refusal';
import { findMember, newIdempotencyKey, searchMembers, optimise, redeemPerks } from './loyalty-api';
import { PerkExplanations } from './PerkExplanations';
import { ScanButton } from './ScanButton';
import { useText } from './i18n';

export function LoyaltyDesk() {
  const { t, lang, price } = useText();
  const message = (error: unknown) => refusal(error, t);
  const [card, setCard] = useState('');
  const [member, setMember] = useState<MemberView | null>(null);
  /** Members found by name, to pick from; null when no name search is shown. */
  const [named, setNamed] = useState<MemberView['member'][] | null>(null);
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [basket, setBasket] = useState<BasketEntry[]>([]);
  const [answer, setAnswer] = useState<OptimiseAnswer | null>(null);
  const [redeemKey, setRedeemKey] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changeBasket = (next: BasketEntry[]) => {
    setBasket(next);
    setAnswer(null);
    setReceipt(null);
  };

  /** A card code looks the member up; anything else is a name. */
  async function find(text: string) {
    if (isLoyaltyCardCode(text.trim().toUpperCase())) return lookUp(text);
    setError(null);
    setMember(null);
    try {
      setNamed(await searchMembers(text));
    } catch (caught) {
      setNamed(null);
      setError(message(caught));
    }
  }

  async function lookUp(cardCode: string) {
    setCard(cardCode);
    setNamed(null);
    setError(null);
    setAnswer(null);
    setReceipt(null);
    try {
      setMember(await findMember(cardCode));
    } catch (caught) {
      setMember(null);
      setError(message(caught));
    }
  }

  function addLine(scanned: string) {
    const trimmed = scanned.trim();
    if (!/^\d{8,14}$/.test(trimmed)) return setError(t.invalidBarcode);
    setError(null);
    changeBasket([...basket, { code: trimmed, quantity }]);
    setCode('');
    setQuantity(1);
  }

  async function best() {
    setError(null);
    setBusy(true);
    try {
      setAnswer(await optimise(card, basket));
      setRedeemKey(newIdempotencyKey()); // one key for this redemption and all its retries
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  async function redeem() {
    if (!answer || !redeemKey) return;
    setError(null);
    setBusy(true);
    try {
      const done = await redeemPerks({
        idempotencyKey: redeemKey,
        cardCode: card,
        perkIds: answer.chosen,
        basket,
      });
      setReceipt(done);
      setMember(await findMember(card));
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  const labels = new Map(member?.perks.map((perk) => [perk.id, perk.label]) ?? []);
  return (
    <>
      <section>
        <h2>{t.memberCard}</h2>
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void find(card);
          }}
        >
          <input
            data-testid="card-input"
            aria-label={t.cardOrName}
            autoFocus
            autoComplete="off"
            value={card}
            onChange={(event) => setCard(event.target.value)}
            placeholder={t.cardPlaceholder}
          />
          <button type="submit" className="primary">
            {t.find}
          </button>
          <ScanButton
            accept="loyalty-card"
            testId="card-scan"
            onCode={(scanned) => void lookUp(scanned)}
          />
        </form>
        {named && (
          <ul className="member-matches" data-testid="member-matches">
            {named.length === 0 && <li>{t.noMember}</li>}
            {named.map((found) => (
              <li key={found.id}>
                <button
                  type="button"
                  className="action"
                  onClick={() => void lookUp(found.cardCode)}
                >
                  {found.name} · {found.tier} · …{found.cardCode.slice(-4)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {member && (
          <p data-testid="member">
            <strong>{member.member.name}</strong> ·{' '}
            <span className="badge">{member.member.tier}</span> ·{' '}
            <span data-testid="member-points">{member.member.points}</span> {t.points} ·{' '}
            {t.perksLeft(member.perks.length - member.redeemed.length)}
          </p>
        )}
      </section>
      {member && (
        <section>
          <h2>{t.basket}</h2>
          <form
            className="row"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              addLine(code);
            }}
          >
            <input
              data-testid="basket-code"
              aria-label={t.barcode}
              inputMode="numeric"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
            <input
              aria-label={t.quantity}
              type="number"
              min={1}
              max={999}
              value={quantity}
              onChange={(event) => setQuantity(Math.max(1, Number(event.target.value) || 1))}
              style={{ width: '5rem' }}
            />
            <button type="submit" className="action">
              {t.add}
            </button>
            <ScanButton accept="product" testId="basket-scan" onCode={addLine} />
          </form>
          <ul data-testid="basket-lines">
            {basket.map((line, index) => (
              <li key={`${line.code}-${index}`}>
                {answer?.lines[index]?.name ?? line.code} × {line.quantity}{' '}
                {answer?.lines[index]
                  ? price(answer.lines[index].unitPriceCents * line.quantity)
                  : ''}{' '}
                <button
                  type="button"
                  className="action"
                  aria-label={t.removeLine(answer?.lines[index]?.name ?? line.code)}
                  onClick={() => changeBasket(basket.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="primary"
            disabled={busy || basket.length === 0}
            onClick={() => void best()}
          >
            {t.bestPerks}
          </button>
        </section>
      )}
      {answer && (
        <section data-testid="optimisation">
          <h2>
            {t.total} {price(answer.totalCents)} · {t.discount} {price(answer.value.discountCents)}{' '}
            · +{answer.value.bonusPoints} {t.points}
          </h2>
          <PerkExplanations explanations={answer.explanations} labels={labels} lang={lang} />
          {answer.chosen.length > 0 && !receipt && (
            <button type="button" className="primary" disabled={busy} onClick={() => void redeem()}>
              {t.redeem}
            </button>
          )}
        </section>
      )}
      {receipt && (
        <section data-testid="receipt" role="status">
          {t.recorded} · {price(receipt.discountCents)} ·{' '}
          <span data-testid="points-earned">+{receipt.pointsEarned}</span> {t.pointsCredited} (
          {t.balance(receipt.pointsBalance)}) · {receipt.perkIds.join(', ')}
        </section>
      )}
      {error && <p role="alert">{error}</p>}
    </>
  );
}
