import './prime.ts';
import { render } from 'preact';
import { EditorApp } from './EditorApp.tsx';

document.documentElement.lang = chrome.i18n?.getUILanguage?.() ?? 'en';
render(<EditorApp />, document.getElementById('app')!);
