// The screens' settings authored at head office, for the whole chain or one store: the brand
// (name, logo, colours, fonts), the currency, staff access (a PIN hashed
// here, in the browser, before it leaves; badge codes hashed likewise) and the expert skill each
// department calls for. Checked against the same schema head office applies before it is sent;
// saving replaces the scope's settings and head office sends them on the link.
import { useState, type FormEvent } from 'react';
import {
  EXPERT_SKILLS,
  HqSettings,
  hashStaffBadge,
  hashStaffPin,
  isStaffBadgeFormat,
  isValidStaffPin,
  type BrandColours,
  type BrandTheme,
  type ExpertSkill,
  type HqSettingsReply,
} from '@vitrine/shared/core';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';
import { LogoPicker } from './LogoPicker';
import { settingsMessages } from './settings-messages';

const COLOURS: readonly (keyof BrandColours)[] = [
  'accent',
  'accentInk',
  'ink',
  'paper',
  'panel',
  'alert',
];
/** A readable start for a brand the chain has not set yet (every pair passes WCAG AA). */
const STARTING_THEME: BrandTheme = {
  name: '',
  colours: {
    accent: '#1d6b5f',
    accentInk: '#ffffff',
    ink: '#1b1b1b',
    paper: '#ffffff',
    panel: '#f2f2ee',
    alert: '#a1161b',
  },
  font: { families: ['Inter'], generic: 'system-ui' },
};

type Form = {
  useBrand: boolean;
  theme: BrandTheme;
  fonts: string;
  currency: string;
  newPin: string;
  removePin: boolean;
  newBadge: string;
  skills: { department: string; skill: ExpertSkill | '' }[];
};

function formOf(settings: HqSettings): Form {
  const theme = settings.theme ?? STARTING_THEME;
  return {
    useBrand: settings.theme !== undefined,
    theme,
    fonts: theme.font.families.join(', '),
    currency: settings.currency ?? '',
    newPin: '',
    removePin: false,
    newBadge: '',
    skills: Object.entries(settings.skillsByDepartment ?? {}).map(([department, skill]) => ({
      department,
      skill,
    })),
  };
}

export function SettingsView() {
  const { t: common, locale, lang } = useText();
  const t = settingsMessages[lang];
  const [scope, setScope] = useState<'chain' | 'store'>('chain');
  const [storeId, setStoreId] = useState('');
  const [loaded, setLoaded] = useState<HqSettingsReply | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const scopeName = scope === 'chain' ? t.chain : storeId;

  async function read(event: FormEvent) {
    event.preventDefault();
    try {
      const reply =
        scope === 'chain'
          ? await hq.settings.getChain()
          : await hq.settings.getStore({ params: { id: storeId.trim() } });
      setLoaded(reply);
      setForm(formOf(reply.settings));
      setNotice(null);
    } catch (caught) {
      setNotice({ kind: 'alert', text: failure(caught, common.unreachable) });
    }
  }

  async function settingsOf(form: Form, before: HqSettings): Promise<unknown> {
    const access = before.staffAccess ?? { badges: [] };
    const pin = form.removePin
      ? undefined
      : form.newPin
        ? await hashStaffPin(form.newPin)
        : access.pin;
    const badges = form.newBadge
      ? [...access.badges, await hashStaffBadge(form.newBadge.trim())]
      : access.badges;
    const skills = form.skills.filter((row) => row.department.trim() && row.skill);
    return {
      ...(form.useBrand && {
        theme: {
          ...form.theme,
          font: {
            ...form.theme.font,
            families: form.fonts
              .split(',')
              .map((family) => family.trim())
              .filter(Boolean),
          },
        },
      }),
      ...(form.currency.trim() && { currency: form.currency.trim().toUpperCase() }),
      ...((pin || badges.length > 0) && { staffAccess: { ...(pin && { pin }), badges } }),
      ...(skills.length > 0 && {
        skillsByDepartment: Object.fromEntries(
          skills.map((row) => [row.department.trim(), row.skill]),
        ),
      }),
    };
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form || !loaded) return;
    if (form.newPin && !isValidStaffPin(form.newPin)) {
      setNotice({ kind: 'alert', text: `${t.invalid} ${t.newPin}` });
      return;
    }
    // A code a badge scan could never give (screens check the format before the hash).
    if (form.newBadge.trim() && !isStaffBadgeFormat(form.newBadge.trim())) {
      setNotice({ kind: 'alert', text: `${t.invalid} ${t.newBadge}` });
      return;
    }
    let body: HqSettings;
    try {
      const parsed = HqSettings.safeParse(await settingsOf(form, loaded.settings));
      if (!parsed.success) {
        const problems = parsed.error.issues.map(
          (issue) => `${issue.path.join('.')}: ${issue.message}`,
        );
        setNotice({ kind: 'alert', text: `${t.invalid} ${problems.join(' · ')}` });
        return;
      }
      body = parsed.data;
    } catch (caught) {
      // WebCrypto missing (a page not served over HTTPS or localhost): said as it is.
      setNotice({ kind: 'alert', text: `${t.invalid} ${(caught as Error).message}` });
      return;
    }
    try {
      const reply =
        scope === 'chain'
          ? await hq.settings.putChain({ body })
          : await hq.settings.putStore({ params: { id: loaded.scope }, body });
      setLoaded(reply);
      setForm(formOf(reply.settings));
      setNotice({ kind: 'status', text: t.saved(scopeName) });
    } catch (caught) {
      setNotice({ kind: 'alert', text: failure(caught, common.unreachable) });
    }
  }

  const change = (part: Partial<Form>) => form && setForm({ ...form, ...part });
  const colour = (key: keyof BrandColours, value: string) =>
    form && change({ theme: { ...form.theme, colours: { ...form.theme.colours, [key]: value } } });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section aria-label={common.tabs.settings} data-testid="hq-settings">
      <p>{t.intro}</p>
      <form onSubmit={(event) => void read(event)}>
        <label>
          {t.scope}{' '}
          <select
            value={scope}
            onChange={(event) => setScope(event.target.value as 'chain' | 'store')}
          >
            <option value="chain">{t.chain}</option>
            <option value="store">{t.oneStore}</option>
          </select>
        </label>{' '}
        {scope === 'store' && (
          <input
            aria-label={t.oneStore}
            value={storeId}
            required
            onChange={(event) => setStoreId(event.target.value)}
          />
        )}{' '}
        <button type="submit" className="action">
          {t.read}
        </button>
      </form>
      <Notice notice={notice} />
      {loaded && form && (
        <form onSubmit={(event) => void save(event)} className="hq-settings-form">
          <p>{loaded.updatedAt ? t.updated(when(loaded.updatedAt)) : t.never}</p>
          <fieldset>
            <legend>{t.brand}</legend>
            <label>
              <input
                type="checkbox"
                checked={form.useBrand}
                onChange={(event) => change({ useBrand: event.target.checked })}
              />{' '}
              {t.useBrand}
            </label>
            {form.useBrand && (
              <>
                <label>
                  {t.name}{' '}
                  <input
                    value={form.theme.name}
                    maxLength={60}
                    onChange={(event) =>
                      change({ theme: { ...form.theme, name: event.target.value } })
                    }
                  />
                </label>
                <div className="hq-colours">
                  {COLOURS.map((key) => (
                    <label key={key}>
                      <input
                        type="color"
                        value={form.theme.colours[key]}
                        onChange={(event) => colour(key, event.target.value)}
                      />{' '}
                      {t.colours[key]}
                    </label>
                  ))}
                </div>
                <label>
                  {t.fonts}{' '}
                  <input
                    value={form.fonts}
                    onChange={(event) => change({ fonts: event.target.value })}
                  />
                </label>
                <LogoPicker
                  logo={form.theme.logo}
                  name={form.theme.name}
                  t={t}
                  onChange={(logo) => change({ theme: { ...form.theme, logo } })}
                />
              </>
            )}
          </fieldset>
          <label>
            {t.currency}{' '}
            <input
              value={form.currency}
              size={4}
              maxLength={3}
              onChange={(event) => change({ currency: event.target.value })}
            />
          </label>
          <fieldset>
            <legend>{t.staff}</legend>
            <p>
              {loaded.settings.staffAccess?.pin ? t.pinSet : t.noPin}{' '}
              {t.badges(loaded.settings.staffAccess?.badges.length ?? 0)}
            </p>
            <label>
              {t.newPin}{' '}
              <input
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
                value={form.newPin}
                onChange={(event) => change({ newPin: event.target.value })}
              />
            </label>
            {loaded.settings.staffAccess?.pin && (
              <label>
                <input
                  type="checkbox"
                  checked={form.removePin}
                  onChange={(event) => change({ removePin: event.target.checked })}
                />{' '}
                {t.removePin}
              </label>
            )}
            <label>
              {t.newBadge}{' '}
              <input
                value={form.newBadge}
                autoComplete="off"
                onChange={(event) => change({ newBadge: event.target.value })}
              />
            </label>
          </fieldset>
          <fieldset>
            <legend>{t.experts}</legend>
            {form.skills.map((row, index) => (
              <div key={index}>
                <input
                  aria-label={`${t.department} ${index + 1}`}
                  placeholder={t.departmentHint}
                  value={row.department}
                  onChange={(event) =>
                    change({
                      skills: form.skills.map((each, i) =>
                        i === index ? { ...each, department: event.target.value } : each,
                      ),
                    })
                  }
                />{' '}
                <select
                  aria-label={`${t.skill} ${index + 1}`}
                  value={row.skill}
                  onChange={(event) =>
                    change({
                      skills: form.skills.map((each, i) =>
                        i === index ? { ...each, skill: event.target.value as ExpertSkill } : each,
                      ),
                    })
                  }
                >
                  <option value="">{t.none}</option>
                  {EXPERT_SKILLS.map((skill) => (
                    <option key={skill} value={skill}>
                      {t.skills[skill]}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button
              type="button"
              className="action"
              onClick={() => change({ skills: [...form.skills, { department: '', skill: '' }] })}
            >
              {t.addDepartment}
            </button>
          </fieldset>
          <button type="submit" className="action primary">
            {t.save}
          </button>
        </form>
      )}
    </section>
  );
}
