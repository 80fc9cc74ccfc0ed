// The store server's body rules (@vitrine/shared/node): every route of its API
// table, and the one page outside the API that takes a body.
// body-rules.test.ts fails when a route is missing.
import { API_PREFIX, NO_BODY_LIMIT, apiRoutes } from '@vitrine/shared/core';
import { bodyRuleLookup, tableBodyRules, type BodyRule } from '@vitrine/shared/node';

/**
 * Bodies outside the API: the shopper's phone deletes a shared look from its
 * page (the token in the URL is the credential). Every API route is in the table.
 */
const PAGE_RULES: readonly BodyRule[] = [
  {
    method: 'POST',
    path: '/look/:token/delete',
    caller: 'public',
    body: 'json',
    limit: NO_BODY_LIMIT,
  },
];

export const BODY_RULES: readonly BodyRule[] = [
  ...tableBodyRules(apiRoutes, API_PREFIX),
  ...PAGE_RULES,
];

/** The rule for a request, or undefined when no route of the table matches. */
export const bodyRuleFor = bodyRuleLookup(BODY_RULES);
