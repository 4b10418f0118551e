// First, zod's settings, before any schema is built.
import '../src/core/zod-jitless.ts';
// Then: when the page opens on a draft, the draft's live query starts before the rest of the editor's
// modules are evaluated (and the draft itself is already being read by open-db.js, see index.html).
import './prime.ts';
import { render } from 'preact';
import './sidepanel.css';
import { EditorApp } from './EditorApp.tsx';

document.documentElement.lang = chrome.i18n?.getUILanguage?.() ?? 'en';
render(<EditorApp />, document.getElementById('app')!);
