import { describe, expect, it } from 'vitest';
import { parseUnknown } from '../parse';
import {
  BrandTheme,
  contrastRatio,
  fontStack,
  hashStaffBadge,
  hashStaffPin,
  isStaffBadge,
  verifyStaffPin,
} from '.';

const theme = {
  name: 'Maison Test',
  colours: {
    accent: '#123f6e',
    accentInk: '#ffffff',
    ink: '#111111',
    paper: '#ffffff',
    panel: '#f1efe9',
    alert: '#a4161a',
  },
  font: { families: ['Avenir Next', 'Segoe UI'], generic: 'sans-serif' },
};

describe('brand theme', () => {
  it('accepts a readable theme and writes its font stack', () => {
    const parsed = parseUnknown(BrandTheme, theme);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(fontStack(parsed.value.font)).toBe('"Avenir Next", "Segoe UI", sans-serif');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('refuses bad values with the field and the reason', () => {
    const unreadable = { ...theme, colours: { ...theme.colours, accentInk: '#7f9fc0' } };
    expect(parseUnknown(BrandTheme, unreadable)).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^colours\.accentInk: accentInk on accent has a contrast of \d\.\d\d:1; text needs at least 4\.5:1/,
      ) as unknown,
    });
    const notHex = { ...theme, colours: { ...theme.colours, paper: 'white' } };
    expect(parseUnknown(BrandTheme, notHex)).toMatchObject({
      ok: false,
      error: 'colours.paper: a colour written #rrggbb',
    });
    const injected = { ...theme, font: { families: ['x"; } body { display: none'] } };
    expect(parseUnknown(BrandTheme, injected)).toMatchObject({
      ok: false,
      error: expect.stringContaining('font.families.0') as unknown,
    });
    const remoteLogo = { ...theme, logo: 'https://example.com/logo.png' };
    expect(parseUnknown(BrandTheme, remoteLogo)).toMatchObject({
      ok: false,
      error: expect.stringContaining('logo: a data:image') as unknown,
    });
  });
});

describe('staff access', () => {
  it('verifies the right PIN only', async () => {
    const stored = await hashStaffPin('246810', 100_000);
    expect(await verifyStaffPin('246810', stored)).toBe(true);
    expect(await verifyStaffPin('246811', stored)).toBe(false);
    expect(await verifyStaffPin('', stored)).toBe(false);
  });

  it('knows a staff badge by its hash, nothing else', async () => {
    const access = { badges: [await hashStaffBadge('STAFF0000042')] };
    expect(await isStaffBadge('STAFF0000042', access)).toBe(true);
    expect(await isStaffBadge('STAFF0000043', access)).toBe(false);
    expect(await isStaffBadge('STAFF0000042', undefined)).toBe(false);
  });
});
