// Head office's people (admins only): who may sign in, with which roles; a new user or a change
// (a new password, other roles) and disabling one, whose sessions end at once.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { HQ_PASSWORD_MIN, type HqRole, type HqUser } from '@vitrine/shared/core';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';

const ROLES: readonly HqRole[] = ['publisher', 'admin'];
type Typed = { id: string; name: string; roles: HqRole[]; password: string };
const EMPTY: Typed = { id: '', name: '', roles: [], password: '' };

export function UsersView() {
  const { t } = useText();
  const [users, setUsers] = useState<HqUser[] | null>(null);
  const [typed, setTyped] = useState<Typed>(EMPTY);
  const [notice, setNotice] = useState<NoticeState>(null);
  const reload = useCallback(() => {
    hq.users.list().then(
      (answer) => setUsers(answer.users),
      (caught: unknown) => setNotice({ kind: 'alert', text: failure(caught, t.unreachable) }),
    );
  }, [t]);
  useEffect(reload, [reload]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = await hq.users.put({
        params: { id: typed.id.trim() },
        body: {
          name: typed.name,
          roles: typed.roles,
          ...(typed.password && { password: typed.password }),
        },
      });
      setNotice({ kind: 'status', text: t.userSaved(saved.id) });
      setTyped(EMPTY);
      reload();
    } catch (caught) {
      setNotice({ kind: 'alert', text: failure(caught, t.unreachable) });
    }
  }

  async function disable(user: HqUser) {
    try {
      await hq.users.disable({ params: { id: user.id } });
      setNotice({ kind: 'status', text: t.userDisabled(user.id) });
      reload();
    } catch (caught) {
      setNotice({ kind: 'alert', text: failure(caught, t.unreachable) });
    }
  }

  const toggle = (role: HqRole, on: boolean) =>
    setTyped({
      ...typed,
      roles: on ? [...typed.roles, role] : typed.roles.filter((each) => each !== role),
    });

  return (
    <>
      <section aria-label={t.userForm}>
        <h2>{t.userForm}</h2>
        <form className="row" onSubmit={(event) => void save(event)}>
          <label>
            {t.userId}
            <input
              name="id"
              value={typed.id}
              onChange={(e) => setTyped({ ...typed, id: e.target.value })}
            />
          </label>
          <label>
            {t.userName}
            <input
              name="name"
              value={typed.name}
              onChange={(e) => setTyped({ ...typed, name: e.target.value })}
            />
          </label>
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                checked={typed.roles.includes(role)}
                onChange={(e) => toggle(role, e.target.checked)}
              />
              {t.roles[role]}
            </label>
          ))}
          <label>
            {t.newPassword(HQ_PASSWORD_MIN)}
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              value={typed.password}
              onChange={(e) => setTyped({ ...typed, password: e.target.value })}
            />
          </label>
          <button type="submit" className="primary" disabled={!typed.id.trim() || !typed.name}>
            {t.save}
          </button>
        </form>
        <p className="hint">{t.rolesHint}</p>
      </section>
      <Notice notice={notice} />
      <section aria-label={t.tabs.users}>
        {users && (
          <table data-testid="users">
            <thead>
              <tr>
                <th>{t.userId}</th>
                <th>{t.userName}</th>
                <th>{t.userRoles}</th>
                <th>{t.status}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-user={user.id}>
                  <td>{user.id}</td>
                  <td>{user.name}</td>
                  <td>{user.roles.map((role) => t.roles[role]).join(', ') || t.readerOnly}</td>
                  <td>{user.disabled ? t.userStatus.disabled : t.userStatus.active}</td>
                  <td>
                    {!user.disabled && (
                      <button type="button" className="action" onClick={() => void disable(user)}>
                        {t.disable}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
