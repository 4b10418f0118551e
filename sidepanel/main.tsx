/**
 * The entry is small on purpose and has no dependencies: when the page opens on a draft, the database is
 * being opened while the editor's code loads, instead of after it.
 */
import '../src/ui/theme.css';
import './sidepanel.css';
import { warmDatabase } from './warm-db.ts';

if (new URLSearchParams(location.search).has('draft')) warmDatabase();
void import('./app.tsx');
