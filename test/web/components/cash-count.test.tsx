// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCents } from '../../../shared/money.ts';
import { emptyEntry, type CashEntry } from '../../../web/cash-entry.ts';
import { CashCount } from '../../../web/components/cash-count.tsx';
import { denominationsOf } from '../../../web/denominations.ts';
import { typeInto } from '../desk-fixture.ts';
import { mulberry32 } from '../../support/mulberry32.ts';
import { mount } from '../screens/render.ts';

let screen: ReturnType<typeof mount> | undefined;
afterEach(() => screen?.unmount());

function Counted({ currency, seen }: { currency: 'EUR' | 'GBP'; seen: CashEntry[] }) {
  const [entry, setEntry] = useState<CashEntry>(emptyEntry);
  return (
    <CashCount
      idPrefix="counted"
      currency={currency}
      legend="Counted"
      entry={entry}
      onChange={(next) => {
        seen.push(next);
        setEntry(next);
      }}
    />
  );
}

describe('denomination helper', () => {
  it('counts notes and coins into an exact total shown as money', () => {
    screen = mount(<Counted currency="EUR" seen={[]} />);
    screen.click(screen.byTestId('counted-EUR-by-pieces'));
    typeInto(screen.byTestId('counted-EUR-piece-50000'), '2');
    typeInto(screen.byTestId('counted-EUR-piece-2000'), '3');
    typeInto(screen.byTestId('counted-EUR-piece-10'), '7');
    typeInto(screen.byTestId('counted-EUR-piece-1'), '9');
    expect(screen.byTestId('counted-EUR-sum').textContent).toBe('Total: €1,060.79');
    typeInto(screen.byTestId('counted-EUR-piece-1'), '9.5');
    expect(screen.byTestId('counted-EUR-sum').textContent).toBe('Type whole numbers of notes and coins.');
  });

  it('shows the same sum as the pieces typed, for any seeded drawer', () => {
    const random = mulberry32(2026);
    const euro = denominationsOf('EUR') ?? [];
    screen = mount(<Counted currency="EUR" seen={[]} />);
    screen.click(screen.byTestId('counted-EUR-by-pieces'));
    for (let drawer = 0; drawer < 25; drawer += 1) {
      let cents = 0;
      for (const value of euro) {
        const count = Math.floor(random() * 30);
        cents += count * value;
        typeInto(screen.byTestId(`counted-EUR-piece-${value}`), String(count));
      }
      const expected = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(formatCents(cents) as `${number}`);
      expect(screen.byTestId('counted-EUR-sum').textContent).toBe(`Total: ${expected}`);
    }
  });

  it('takes a total where it has no denominations, and marks one that is not an amount', () => {
    const seen: CashEntry[] = [];
    screen = mount(<Counted currency="GBP" seen={seen} />);
    expect(screen.has('counted-GBP-by-pieces')).toBe(false);
    typeInto(screen.byTestId('counted-GBP-total'), '12,5');
    expect(seen.at(-1)).toEqual({ mode: 'total', total: '12,5', pieces: {} });
    expect(screen.byTestId('counted-GBP-total').getAttribute('aria-invalid')).toBe('false');
    typeInto(screen.byTestId('counted-GBP-total'), '12.505');
    expect(screen.byTestId('counted-GBP-total').getAttribute('aria-invalid')).toBe('true');
    expect(screen.container.textContent).toContain('Write the amount like 50.00.');
  });
});
