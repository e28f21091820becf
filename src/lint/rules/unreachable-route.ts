import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.unreachableRoute,
  evaluate({ system, report }) {
    for (const service of system.services) {
      const { routes } = service;
      // The first route without a match takes every request: every route after it is dead.
      const index = routes.findIndex((route) => route.matches.length === 0);
      if (index < 0 || index === routes.length - 1) continue;
      report({
        path: routes[index]!.path,
        message: `has no match, so it takes every request and the ${routes.length - 1 - index} route(s) after it never apply`,
      });
    }
  },
});
