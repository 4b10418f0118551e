/** What the workspace shows, read from and written to its address, so Back and reload keep the place. */
export type Route = { view: 'picker' } | { view: 'draft'; draftId: string } | { view: 'queue' } | { view: 'review'; draftId: string };

/** `?draft=<id>` edits a draft; `?review=queue` is the review queue, `?review=<id>` reviews one draft. */
export function routeFrom(search: string): Route {
  const params = new URLSearchParams(search);
  const review = params.get('review');
  if (review === 'queue') return { view: 'queue' };
  if (review) return { view: 'review', draftId: review };
  const draft = params.get('draft');
  return draft ? { view: 'draft', draftId: draft } : { view: 'picker' };
}

export function searchOf(route: Route): string {
  switch (route.view) {
    case 'picker':
      return '';
    case 'draft':
      return `?draft=${encodeURIComponent(route.draftId)}`;
    case 'queue':
      return '?review=queue';
    case 'review':
      return `?review=${encodeURIComponent(route.draftId)}`;
  }
}
